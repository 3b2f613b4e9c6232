package vn.sohoa.app.publish;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends one persistent JSON message of a named schema (its AMQP type and {@code schema} header) and waits for
 * the broker's publisher confirm, telling a confirmed message from a returned (unroutable) or refused one,
 * and both from a broker that cannot be reached. Results messages and work jobs both go out this way.
 */
@Component
public class ConfirmedSender {

    private static final long CONFIRM_TIMEOUT_SECONDS = 10;

    private final RabbitTemplate rabbit;

    public ConfirmedSender(RabbitTemplate rabbit) {
        this.rabbit = rabbit;
    }

    public PublishOutcome send(String schema, String messageId, String exchange, String routingKey, String payload,
                               Map<String, Object> headers) {
        MessageProperties properties = new MessageProperties();
        properties.setMessageId(messageId);
        properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
        properties.setContentEncoding(StandardCharsets.UTF_8.name());
        properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
        properties.setType(schema);
        properties.setHeader("schema", schema);
        headers.forEach(properties::setHeader);
        Message message = new Message(payload.getBytes(StandardCharsets.UTF_8), properties);
        CorrelationData correlation = new CorrelationData(messageId);
        try {
            rabbit.send(exchange, routingKey, message, correlation);
            CorrelationData.Confirm confirm = correlation.getFuture().get(CONFIRM_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (correlation.getReturned() != null) {
                return new PublishOutcome.Rejected("unroutable: no queue is bound for '" + routingKey + "' on '"
                        + exchange + "' (" + correlation.getReturned().getReplyText() + ")");
            }
            if (!confirm.isAck()) {
                return confirm.getReason() != null && confirm.getReason().contains("clean channel shutdown")
                        ? new PublishOutcome.Unreachable("channel closed before the confirm")
                        : new PublishOutcome.Rejected("refused by the broker: " + confirm.getReason());
            }
            return new PublishOutcome.Confirmed();
        } catch (TimeoutException e) {
            return new PublishOutcome.Unreachable("no confirm within " + CONFIRM_TIMEOUT_SECONDS + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new PublishOutcome.Unreachable("interrupted");
        } catch (Exception e) {
            return new PublishOutcome.Unreachable(String.valueOf(e.getMessage()));
        }
    }
}
