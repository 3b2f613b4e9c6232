package vn.sohoa.app.publish.example;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.Channel;
import java.io.IOException;
import java.util.function.Consumer;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.listener.api.ChannelAwareMessageListener;

/**
 * How a dossier system reads the results queue: manual acknowledgement, idempotent by message id, and a
 * message it cannot understand rejected without requeueing, so the broker moves it to the dead-letter queue
 * (with its x-death header) instead of redelivering it for ever. Use it as the listener of a
 * {@code SimpleMessageListenerContainer} with {@code AcknowledgeMode.MANUAL}.
 */
public final class ResultsConsumer implements ChannelAwareMessageListener {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProcessedMessages processed;
    private final Consumer<JsonNode> handler;

    /** {@code handler} applies one results message (for example, attaches the PDF to the dossier). */
    public ResultsConsumer(ProcessedMessages processed, Consumer<JsonNode> handler) {
        this.processed = processed;
        this.handler = handler;
    }

    @Override
    public void onMessage(Message message, Channel channel) throws IOException {
        long tag = message.getMessageProperties().getDeliveryTag();
        JsonNode result;
        try {
            result = JSON.readTree(message.getBody());
        } catch (IOException e) {
            channel.basicReject(tag, false);
            return;
        }
        String schema = result.path("schema").asText();
        String messageId = result.path("messageId").asText(message.getMessageProperties().getMessageId());
        if (!schema.startsWith("sohoa.result.v1") || messageId == null || messageId.isBlank()) {
            channel.basicReject(tag, false); // a version this consumer does not know: to the dead-letter queue
            return;
        }
        try {
            processed.handleOnce(messageId, () -> handler.accept(result));
            channel.basicAck(tag, false);
        } catch (RuntimeException e) {
            channel.basicNack(tag, false, true); // not applied: let the broker deliver it again
        }
    }
}
