package vn.sohoa.app.publish;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers outbox rows to the broker: persistent messages with the outbox id as message id, each confirmed
 * by the broker before its row is marked published. A broker outage leaves rows pending, retried with
 * a short delay and never given up; a message the broker returns as unroutable or refuses is retried with
 * exponential backoff, and after {@code sohoa.publish.max-attempts} it goes to the dead-letter queue with
 * the reason and its row is marked dead. A consumer deduplicates by message id, since a crash between confirm and commit resends.
 */
@Component
public class OutboxPublisher {

    public static final String DEATH_REASON = "x-sohoa-death-reason";
    public static final String ATTEMPTS = "x-sohoa-attempts";
    public static final String ORIGINAL_EXCHANGE = "x-sohoa-original-exchange";
    public static final String ORIGINAL_ROUTING_KEY = "x-sohoa-original-routing-key";

    private static final Logger log = LoggerFactory.getLogger(OutboxPublisher.class);
    private static final int BATCH = 50;

    private final JdbcTemplate jdbc;
    private final ConfirmedSender sender;
    private final TransactionTemplate transaction;
    private final PublishSettings settings;

    public OutboxPublisher(JdbcTemplate jdbc, ConfirmedSender sender, TransactionTemplate transaction,
                           PublishSettings settings) {
        this.jdbc = jdbc;
        this.sender = sender;
        this.transaction = transaction;
        this.settings = settings;
    }

    private record Pending(UUID id, String exchange, String routingKey, String payload, int attempts) {
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

    /** Publishes one batch inside a transaction holding the rows; true when the batch was full and went out. */
    private boolean publishBatch() {
        List<Pending> pending = jdbc.query("""
                select id, exchange, routing_key, payload::text, attempts from outbox
                where published_at is null and dead_at is null and next_attempt_at <= now()
                order by next_attempt_at, created_at limit ? for update skip locked""",
                (rs, i) -> new Pending(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5)), BATCH);
        for (Pending message : pending) {
            PublishOutcome outcome = sender.send(ResultMessage.SCHEMA, message.id().toString(), message.exchange(),
                    message.routingKey(), message.payload(), Map.of());
            int attempts = message.attempts() + 1;
            if (outcome instanceof PublishOutcome.Confirmed) {
                jdbc.update("update outbox set published_at = now(), attempts = ?, last_error = null where id = ?",
                        attempts, message.id());
            } else if (outcome instanceof PublishOutcome.Rejected rejected) {
                if (attempts >= settings.maxAttempts()) {
                    deadLetter(message, attempts, rejected.reason());
                } else {
                    retryLater(message, attempts, rejected.reason());
                }
            } else if (outcome instanceof PublishOutcome.Unreachable unreachable) {
                // an outage: this and the rest of the batch wait; it does not count towards dead-lettering
                jdbc.update("update outbox set last_error = ?, next_attempt_at = ? where id = ?",
                        "broker unreachable: " + unreachable.reason(),
                        Timestamp.from(Instant.now().plus(settings.retryInitial())), message.id());
                log.warn("broker unreachable, results wait: {}", unreachable.reason());
                return false;
            }
        }
        return pending.size() == BATCH;
    }

    private void retryLater(Pending message, int attempts, String reason) {
        Instant next = Instant.now().plus(settings.backoff().delayAfter(attempts));
        jdbc.update("update outbox set attempts = ?, last_error = ?, next_attempt_at = ? where id = ?",
                attempts, reason, Timestamp.from(next), message.id());
        log.warn("message {} not delivered (attempt {}), next try at {}: {}", message.id(), attempts, next, reason);
    }

    /** Sends the message to the dead-letter queue with why; only once the broker confirms that is the row dead. */
    private void deadLetter(Pending message, int attempts, String reason) {
        PublishOutcome outcome = sender.send(ResultMessage.SCHEMA, message.id().toString(), "",
                settings.deadLetterQueue(), message.payload(), Map.of(DEATH_REASON, reason, ATTEMPTS, attempts,
                        ORIGINAL_EXCHANGE, message.exchange(), ORIGINAL_ROUTING_KEY, message.routingKey()));
        if (outcome instanceof PublishOutcome.Confirmed) {
            jdbc.update("update outbox set attempts = ?, last_error = ?, dead_at = now(), dead_reason = ? where id = ?",
                    attempts, reason, reason, message.id());
            log.error("message {} dead-lettered to {} after {} attempts: {}", message.id(), settings.deadLetterQueue(),
                    attempts, reason);
        } else {
            retryLater(message, attempts, reason + "; and not dead-lettered: " + outcome);
        }
    }
}
