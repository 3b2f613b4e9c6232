package vn.sohoa.app.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.sohoa.app.cli.ServeCommand;
import vn.sohoa.app.config.EmbeddedBroker;
import vn.sohoa.app.config.EmbeddedSecrets;
import vn.sohoa.app.publish.example.InMemoryProcessedMessages;
import vn.sohoa.app.publish.example.ResultsConsumer;
import vn.sohoa.app.records.DocumentRole;
import vn.sohoa.app.records.MachineServices;
import vn.sohoa.app.records.RecordStore;
import vn.sohoa.app.records.SyntheticDocuments;

/**
 * The broker goes away mid-stream and comes back (the embedded broker, stopped and started in-process, so
 * the machine's RabbitMQ is never touched); a consumer fails once and gets the message again; some
 * messages are sent twice as after a crash between the broker's confirm and the outbox update. Every
 * document is recorded once and, counted by message id at an idempotent consumer, applied exactly once.
 */
@Tag("e2e")
class BrokerOutageEndToEndTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(180);

    @TempDir
    Path home;

    @Test
    void aBrokerOutageDelaysButLosesNothingAndNothingIsAppliedTwice() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Path brokerDir = home.resolve("test-broker");
        EmbeddedSecrets secrets = EmbeddedSecrets.load(home);
        EmbeddedBroker broker = EmbeddedBroker.start(brokerDir, port, secrets.brokerUser(), secrets.brokerPassword());
        Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> applied = new ConcurrentHashMap<>();
        AtomicBoolean failedOnce = new AtomicBoolean();
        CachingConnectionFactory consumerConnections = new CachingConnectionFactory("127.0.0.1", port);
        consumerConnections.setUsername(secrets.brokerUser());
        consumerConnections.setPassword(secrets.brokerPassword());
        SimpleMessageListenerContainer consumer = new SimpleMessageListenerContainer(consumerConnections);
        try (MachineServices services = new MachineServices()) {
            Map<String, Object> properties = services.properties();
            properties.put("spring.rabbitmq.host", "127.0.0.1");
            properties.put("spring.rabbitmq.port", port);
            properties.put("spring.rabbitmq.username", secrets.brokerUser());
            properties.put("spring.rabbitmq.password", secrets.brokerPassword());
            properties.put("sohoa.publish.consumer-dead-lettering", false);
            properties.put("sohoa.work.quorum-queues", false);
            if (!services.externalDatabase) {
                properties.put("spring.datasource.url", "");
            }
            try (ConfigurableApplicationContext context = ServeCommand.start(home, properties)) {
                RecordStore records = context.getBean(RecordStore.class);
                JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
                SyntheticDocuments documents = new SyntheticDocuments(Files.createDirectories(home.resolve("synthetic")));
                for (int i = 0; i < 10; i++) {
                    records.record("HS-OUTAGE-" + i, documents.document("khac", Map.of(), "trang " + i), "/o/" + i,
                            DocumentRole.SUBMITTED, null, "test");
                }
                await("the first ten are published", () -> pending(jdbc) == 0);

                broker.close();
                for (int i = 10; i < 20; i++) {
                    records.record("HS-OUTAGE-" + i, documents.document("khac", Map.of(), "trang " + i), "/o/" + i,
                            DocumentRole.SUBMITTED, null, "test");
                }
                await("the publisher notices the outage", () -> jdbc.queryForObject(
                        "select count(*) from outbox where last_error like 'broker unreachable%'", Long.class) > 0);
                assertThat(pending(jdbc)).as("nothing published while the broker is down").isEqualTo(10);

                broker = EmbeddedBroker.start(brokerDir, port, secrets.brokerUser(), secrets.brokerPassword());
                await("all twenty are published once the broker is back", () -> pending(jdbc) == 0);
                assertThat(jdbc.queryForObject("select count(*) from outbox where dead_at is not null", Long.class)).isZero();

                // as after a crash between the confirm and the outbox update: three are sent again
                jdbc.update("""
                        update outbox set published_at = null
                        where id in (select id from outbox order by created_at limit 3)""");
                await("the three are sent again", () -> pending(jdbc) == 0);

                consumer.setQueueNames(services.queue);
                consumer.setAcknowledgeMode(AcknowledgeMode.MANUAL);
                consumer.setRecoveryInterval(500);
                ResultsConsumer results = new ResultsConsumer(new InMemoryProcessedMessages(), message -> {
                    if (failedOnce.compareAndSet(false, true)) {
                        throw new IllegalStateException("the dossier system fails once; the message must come again");
                    }
                    applied.computeIfAbsent(message.get("documentId").asText(), k -> new AtomicInteger()).incrementAndGet();
                });
                consumer.setMessageListener((org.springframework.amqp.rabbit.listener.api.ChannelAwareMessageListener)
                        (message, channel) -> {
                            deliveries.computeIfAbsent(message.getMessageProperties().getMessageId(),
                                    k -> new AtomicInteger()).incrementAndGet();
                            results.onMessage(message, channel);
                        });
                consumer.start();
                await("twenty documents applied and every copy delivered",
                        () -> applied.size() == 20 && deliveries.values().stream().mapToInt(AtomicInteger::get).sum() >= 24);

                Set<String> documentIds = Set.copyOf(jdbc.queryForList("select id::text from document", String.class));
                assertThat(documentIds).hasSize(20);
                assertThat(applied.keySet()).isEqualTo(documentIds);
                assertThat(applied.values()).allSatisfy(n -> assertThat(n.get()).as("applied once").isEqualTo(1));
                assertThat(deliveries.keySet()).isEqualTo(Set.copyOf(
                        jdbc.queryForList("select id::text from outbox", String.class)));
                assertThat(deliveries.values().stream().filter(n -> n.get() > 1).count())
                        .as("the redelivered and resent messages came more than once").isGreaterThanOrEqualTo(3);
            } finally {
                consumer.stop();
                consumerConnections.destroy();
            }
        } finally {
            broker.close();
        }
    }

    private static long pending(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select count(*) from outbox where published_at is null", Long.class);
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(100);
        }
    }
}
