package vn.sohoa.app.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.sohoa.app.SharedCorpus;
import vn.sohoa.app.cli.ServeCommand;
import vn.sohoa.app.config.EmbeddedDatabase;
import vn.sohoa.app.records.MachineServices;

/**
 * A file dropped while PostgreSQL is down (an embedded PostgreSQL started and stopped by this test, never the
 * machine's) stays in the inbox instead of going to failed/, is tried again, and once PostgreSQL is back it is
 * recorded once and announced once.
 */
@Tag("e2e")
class InboxDatabaseOutageEndToEndTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    @TempDir
    Path home;

    @Test
    void aFileDroppedWhilePostgresIsDownWaitsInTheInboxAndIsRecordedOnceItIsBack() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Path dataDir = home.resolve("test-postgres");
        EmbeddedDatabase db = EmbeddedDatabase.start(dataDir, port);
        MachineServices services = new MachineServices();
        Map<String, Object> properties = new HashMap<>();
        properties.put("server.port", 0);
        properties.put("sohoa.results.default-queue", services.queue);
        properties.put("sohoa.publish.dead-letter-queue", services.deadLetterQueue);
        properties.put("sohoa.inbox.poll-delay-ms", 200);
        properties.put("sohoa.inbox.min-age-ms", 300);
        properties.put("sohoa.outbox.poll-delay-ms", 200);
        properties.put("sohoa.publish.retry-initial", "200ms");
        properties.put("sohoa.intake.retry-initial", "300ms");
        properties.put("sohoa.intake.retry-max", "1s");
        properties.put("spring.datasource.url", db.jdbcUrl());
        properties.put("spring.datasource.username", "postgres");
        properties.put("spring.datasource.password", "");
        properties.put("spring.datasource.hikari.connection-timeout", 1000);
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
            InboxRoute inbox = context.getBean(InboxRoute.class);
            db.close();

            // a code of this run: other test runs may publish to the same exchange of the machine's RabbitMQ
            String code = "HS-2026-" + (100_000 + new java.util.Random().nextInt(900_000));
            Path dossier = Files.createDirectories(home.resolve("inbox/" + code));
            Files.copy(SharedCorpus.file("real-scans/vietsample2.png"), dossier.resolve(".upload.png"));
            Files.move(dossier.resolve(".upload.png"), dossier.resolve("giay-to.png"));
            await("the file failed at least twice while PostgreSQL is down", () -> inbox.transientFailures() >= 2);
            assertThat(dossier.resolve("giay-to.png")).as("left in the inbox").exists();
            assertThat(filesUnder(home.resolve("failed"))).as("nothing quarantined").isEmpty();
            assertThat(inbox.waitingForRetry()).isEqualTo(1);
            String readiness = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port")
                    + "/actuator/health/readiness";
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            java.net.http.HttpResponse<String> down = http.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(readiness)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(down.statusCode()).as("not ready without PostgreSQL").isEqualTo(503);
            assertThat(down.body()).contains("\"db\":{\"status\":\"DOWN\"");

            db = EmbeddedDatabase.start(dataDir, port);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            await("the document is recorded", () -> count(jdbc, "select count(*) from document") == 1);
            await("the file moves to done/", () -> filesUnder(home.resolve("inbox")).isEmpty());
            assertThat(http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(readiness)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode()).as("ready again").isEqualTo(200);
            await("the document is announced", () -> count(jdbc, "select count(*) from outbox where published_at is null") == 0);
            assertThat(filesUnder(home.resolve("done"))).singleElement().asString().endsWith("-giay-to.png");
            assertThat(filesUnder(home.resolve("failed"))).as("nothing quarantined").isEmpty();
            assertThat(count(jdbc, "select count(*) from rejected_scan")).isZero();
            assertThat(count(jdbc, "select count(*) from outbox")).isEqualTo(1);
            assertThat(inbox.waitingForRetry()).as("forgotten once through").isZero();

            RabbitTemplate rabbit = context.getBean(RabbitTemplate.class);
            List<String> documents = new ArrayList<>();
            ObjectMapper json = new ObjectMapper();
            for (Message m = rabbit.receive(services.queue, 3000); m != null; m = rabbit.receive(services.queue, 1000)) {
                com.fasterxml.jackson.databind.JsonNode body = json.readTree(m.getBody());
                if (body.get("dossierCode").asText().equals(code)) {
                    documents.add(body.get("documentId").asText());
                }
            }
            assertThat(documents).as("announced once").containsExactly(
                    jdbc.queryForObject("select id::text from document", String.class));
            AmqpAdmin admin = context.getBean(AmqpAdmin.class);
            admin.deleteQueue(services.queue);
            admin.deleteQueue(services.deadLetterQueue);
        } finally {
            db.close();
        }
    }

    /** -1 while the test's own connections to the restarted PostgreSQL are not back yet. */
    private static long count(JdbcTemplate jdbc, String sql) {
        try {
            return jdbc.queryForObject(sql, Long.class);
        } catch (org.springframework.dao.DataAccessException e) {
            return -1;
        }
    }

    private static List<String> filesUnder(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).toList();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
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
