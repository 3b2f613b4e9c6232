package vn.sohoa.app.publish;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers outbox rows to the broker: persistent messages with the outbox id as message id, each confirmed
 * by the broker before its row is marked published. A broker outage leaves rows pending, to be sent when it
 * is back; a consumer deduplicates by message id, since a crash between confirm and commit resends.
 */
@Component
public class OutboxPublisher {

    private static final Logger log = LoggerFactory.getLogger(OutboxPublisher.class);
    private static final int BATCH = 50;
    private static final long CONFIRM_TIMEOUT_SECONDS = 10;

    private final JdbcTemplate jdbc;
    private final RabbitTemplate rabbit;
    private final TransactionTemplate transaction;

    public OutboxPublisher(JdbcTemplate jdbc, RabbitTemplate rabbit, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.rabbit = rabbit;
        this.transaction = transaction;
    }

    private record Pending(UUID id, String exchange, String routingKey, String payload) {
    }

    @Scheduled(fixedDelayString = "${sohoa.outbox.poll-delay-ms}")
    public void publishPending() {
        try {
            while (Boolean.TRUE.equals(transaction.execute(status -> publishBatch()))) {
                // another full batch may be waiting
            }
        } catch (RuntimeException e) {
            log.warn("results not published yet, will retry: {}", e.getMessage());
        }
    }

    /** Publishes one batch inside a transaction holding the rows; true when the batch was full. */
    private boolean publishBatch() {
        List<Pending> pending = jdbc.query("""
                select id, exchange, routing_key, payload::text from outbox
                where published_at is null order by created_at limit ? for update skip locked""",
                (rs, i) -> new Pending(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4)),
                BATCH);
        for (Pending message : pending) {
            try {
                send(message);
                jdbc.update("update outbox set published_at = now(), attempts = attempts + 1, last_error = null where id = ?",
                        message.id());
            } catch (Exception e) {
                jdbc.update("update outbox set attempts = attempts + 1, last_error = ? where id = ?",
                        String.valueOf(e.getMessage()), message.id());
                log.warn("message {} not confirmed, will retry: {}", message.id(), e.getMessage());
                return false;
            }
        }
        return pending.size() == BATCH;
    }

    private void send(Pending pending) throws Exception {
        MessageProperties properties = new MessageProperties();
        properties.setMessageId(pending.id().toString());
        properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
        properties.setContentEncoding(StandardCharsets.UTF_8.name());
        properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
        properties.setType(ResultMessage.SCHEMA);
        properties.setHeader("schema", ResultMessage.SCHEMA);
        Message message = new Message(pending.payload().getBytes(StandardCharsets.UTF_8), properties);
        CorrelationData correlation = new CorrelationData(pending.id().toString());
        rabbit.send(pending.exchange(), pending.routingKey(), message, correlation);
        CorrelationData.Confirm confirm = correlation.getFuture().get(CONFIRM_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!confirm.isAck()) {
            throw new IllegalStateException("the broker refused the message: " + confirm.getReason());
        }
        if (correlation.getReturned() != null) {
            throw new IllegalStateException("no queue is bound for " + pending.routingKey() + " on " + pending.exchange());
        }
    }
}
