package vn.sohoa.app.records;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.sohoa.app.ServiceFixtures.count;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.sohoa.app.Await;
import vn.sohoa.app.cli.ServeCommand;
import vn.sohoa.app.config.EmbeddedDatabase;
import vn.sohoa.pipeline.DigitizedDocument;

/**
 * PostgreSQL stops in the middle of ingestion and comes back (an embedded PostgreSQL started by this test,
 * never the machine's). Ingestion retries what failed, as the inbox does with a file, after checking whether
 * it was recorded after all; the publisher picks up again. Every document is recorded once and announced
 * once.
 */
@Tag("e2e")
class DatabaseOutageEndToEndTest {

    private static final String PASSWORD = "mat-khau-co-so-du-lieu";

    private static final Duration TIMEOUT = Duration.ofSeconds(180);
    private static final int DOCUMENTS = 20;

    @TempDir
    Path home;

    @Test
    void aDatabaseOutageLosesNothingAndDuplicatesNothing() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Path dataDir = home.resolve("test-postgres");
        EmbeddedDatabase db = EmbeddedDatabase.start(dataDir, port, PASSWORD);
        try (MachineServices services = new MachineServices()) {
            Map<String, Object> properties = new HashMap<>(services.runProperties());
            properties.put("server.port", 0);
            properties.put("sohoa.outbox.poll-delay-ms", 200);
            properties.put("sohoa.publish.retry-initial", "200ms");
            properties.put("spring.datasource.url", db.jdbcUrl());
            properties.put("spring.datasource.username", "postgres");
            properties.put("spring.datasource.password", PASSWORD);
            properties.put("spring.datasource.hikari.connection-timeout", 2000);
            if (services.externalBroker) {
                properties.put("spring.rabbitmq.host", "127.0.0.1");
                properties.put("spring.rabbitmq.port", 5672);
                properties.put("spring.rabbitmq.username", "guest");
                properties.put("spring.rabbitmq.password", "guest");
            } else {
                properties.put("spring.rabbitmq.host", "");
                properties.put("spring.rabbitmq.addresses", "");
            }
            try (ConfigurableApplicationContext context = ServeCommand.start(home, properties)) {
                RecordStore records = context.getBean(RecordStore.class);
                SyntheticDocuments synthetic = new SyntheticDocuments(Files.createDirectories(home.resolve("synthetic")));
                AtomicInteger failures = new AtomicInteger();
                AtomicInteger recorded = new AtomicInteger();
                Thread ingestion = new Thread(() -> {
                    for (int i = 0; i < DOCUMENTS; i++) {
                        String code = "HS-DB-" + i;
                        DigitizedDocument document;
                        try {
                            document = synthetic.document("khac", Map.of(), "trang " + i);
                        } catch (java.io.IOException e) {
                            throw new IllegalStateException(e);
                        }
                        while (true) {
                            try {
                                if (records.findDocument(code, document.scan().sha256()).isEmpty()) {
                                    records.record(code, document, "/o/" + i);
                                }
                                recorded.incrementAndGet();
                                sleep(150); // a desk's pace, so that the outage falls in the middle
                                break;
                            } catch (RuntimeException e) {
                                failures.incrementAndGet();
                                sleep(200);
                            }
                        }
                    }
                }, "test-ingestion");
                ingestion.start();

                Await.until("some documents are recorded", TIMEOUT, () -> recorded.get() >= 5);
                db.close();
                Await.until("ingestion fails while PostgreSQL is down", TIMEOUT, () -> failures.get() > 0);
                int recordedDuringOutage = recorded.get();
                db = EmbeddedDatabase.start(dataDir, port, PASSWORD);
                ingestion.join(TIMEOUT.toMillis());
                assertThat(ingestion.isAlive()).as("ingestion finished").isFalse();
                assertThat(recordedDuringOutage).isLessThan(DOCUMENTS);

                JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
                Await.until("every document is published", TIMEOUT, () -> count(jdbc,
                        "select count(*) from outbox where published_at is null") == 0);
                assertThat(count(jdbc, "select count(*) from document")).isEqualTo(DOCUMENTS);
                assertThat(count(jdbc, "select count(distinct original_sha256) from document")).isEqualTo(DOCUMENTS);
                assertThat(count(jdbc, "select count(*) from outbox")).isEqualTo(DOCUMENTS);

                RabbitTemplate rabbit = context.getBean(RabbitTemplate.class);
                ObjectMapper json = new ObjectMapper();
                Map<String, String> documentByMessage = new HashMap<>();
                for (Message m = rabbit.receive(services.queue, 2000); m != null; m = rabbit.receive(services.queue, 2000)) {
                    JsonNode body = json.readTree(m.getBody());
                    documentByMessage.put(m.getMessageProperties().getMessageId(), body.get("documentId").asText());
                }
                List<String> documentIds = jdbc.queryForList("select id::text from document", String.class);
                assertThat(documentByMessage.keySet()).as("the messages are the outbox's")
                        .containsExactlyInAnyOrderElementsOf(jdbc.queryForList("select id::text from outbox", String.class));
                assertThat(documentByMessage.values()).as("each document announced under one message id")
                        .containsExactlyInAnyOrderElementsOf(documentIds);
                AmqpAdmin admin = context.getBean(AmqpAdmin.class);
                admin.deleteQueue(services.queue);
                admin.deleteQueue(services.deadLetterQueue);
            }
        } finally {
            db.close();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
