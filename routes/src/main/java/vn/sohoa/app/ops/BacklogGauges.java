package vn.sohoa.app.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.sohoa.app.config.SohoaProperties;
import vn.sohoa.app.intake.InboxRoute;
import vn.sohoa.app.work.WorkSettings;

/**
 * What is waiting, read when scraped: {@code sohoa_outbox_pending} and {@code sohoa_outbox_dead} (results
 * messages not yet published / given up), {@code sohoa_inbox_waiting} (files in the inbox), {@code sohoa_intake_retrying} (of those, files
 * waiting after a transient failure), and
 * {@code sohoa_queue_depth{queue}} of the default results queue and of the work queues (scans, pages and
 * documents waiting for a worker, and the work dead-letter queue). NaN when the database or broker is down.
 */
@Component
public class BacklogGauges {

    public BacklogGauges(MeterRegistry registry, JdbcTemplate jdbc, AmqpAdmin amqp, SohoaProperties properties,
                         InboxRoute inboxRoute, WorkSettings work) {
        Gauge.builder("sohoa.intake.retrying", inboxRoute::waitingForRetry)
                .description("Files left in the inbox after a transient failure, waiting to be tried again")
                .register(registry);
        Gauge.builder("sohoa.outbox.pending", () -> count(jdbc,
                        "select count(*) from outbox where published_at is null and dead_at is null"))
                .description("Results messages waiting to be published").register(registry);
        Gauge.builder("sohoa.outbox.dead", () -> count(jdbc, "select count(*) from outbox where dead_at is not null"))
                .description("Results messages given up and sent to the dead-letter queue").register(registry);
        Path inbox = properties.inboxDir();
        Gauge.builder("sohoa.inbox.waiting", () -> filesIn(inbox))
                .description("Files in the inbox, not yet digitized").register(registry);
        for (String queue : List.of(properties.results().defaultQueue(), work.scansQueue(), work.pagesQueue(),
                work.documentsQueue(), work.deadLetterQueue())) {
            Gauge.builder("sohoa.queue.depth", () -> depth(amqp, queue)).tag("queue", queue)
                    .description("Messages ready in a results or work queue").register(registry);
        }
    }

    static double count(JdbcTemplate jdbc, String sql) {
        try {
            Long n = jdbc.queryForObject(sql, Long.class);
            return n == null ? Double.NaN : n;
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    static double filesIn(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).count();
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    static double depth(AmqpAdmin amqp, String queue) {
        try {
            Properties info = amqp.getQueueProperties(queue);
            Object count = info == null ? null : info.get("QUEUE_MESSAGE_COUNT");
            return count instanceof Number n ? n.doubleValue() : Double.NaN;
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
