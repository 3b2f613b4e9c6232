package vn.sohoa.app.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.sohoa.app.FolderContents;
import vn.sohoa.app.PaperBatch;
import vn.sohoa.app.cli.ServeCommand;
import vn.sohoa.app.config.EmbeddedBroker;
import vn.sohoa.app.config.EmbeddedDatabase;
import vn.sohoa.app.ops.Announcements;
import vn.sohoa.app.records.MachineServices;

/**
 * Files arrive in the inbox and on the scan-to-FTP server while the broker is down, then while PostgreSQL is
 * down (an embedded PostgreSQL and an embedded broker started and stopped by this test, never the machine's).
 * With the broker down nothing can be queued, so each file stays where it is, the FTP file on the server
 * (neither in .done/ nor in .failed/), and is tried again; with PostgreSQL down the intake still stores and
 * queues them (it needs no database), so they are acknowledged, never quarantined, and the workers record
 * them once it is back. Every document is recorded once and announced once.
 */
@Tag("e2e")
class IntakeOutageEndToEndTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    @TempDir
    Path home;

    @TempDir
    Path outside;

    @Test
    void filesWaitWhileTheBrokerIsDownAndAreRecordedOnceWhenPostgresComesBack() throws Exception {
        int dbPort = freePort();
        int brokerPort = freePort();
        Path dataDir = home.resolve("test-postgres");
        Path brokerDir = home.resolve("test-broker");
        EmbeddedDatabase db = EmbeddedDatabase.start(dataDir, dbPort);
        EmbeddedBroker broker = EmbeddedBroker.start(brokerDir, brokerPort);
        Path ftpRoot = Files.createDirectories(outside.resolve("ftp"));
        try (MachineServices services = new MachineServices(); FtpStandIn ftp = FtpStandIn.start(ftpRoot)) {
            Map<String, Object> properties = new java.util.HashMap<>(services.runProperties());
            properties.put("server.port", 0);
            properties.put("sohoa.inbox.poll-delay-ms", 200);
            properties.put("sohoa.inbox.min-age-ms", 300);
            properties.put("sohoa.outbox.poll-delay-ms", 200);
            properties.put("sohoa.publish.retry-initial", "200ms");
            properties.put("sohoa.intake.retry-initial", "300ms");
            properties.put("sohoa.intake.retry-max", "1s");
            properties.put("sohoa.capture.ftp.uri", ftp.uri());
            properties.put("spring.datasource.url", db.jdbcUrl());
            properties.put("spring.datasource.username", "postgres");
            properties.put("spring.datasource.password", "");
            properties.put("spring.datasource.hikari.connection-timeout", 1000);
            properties.put("spring.rabbitmq.host", "127.0.0.1");
            properties.put("spring.rabbitmq.port", brokerPort);
            properties.put("spring.rabbitmq.username", EmbeddedBroker.USER);
            properties.put("spring.rabbitmq.password", EmbeddedBroker.PASSWORD);
            properties.put("sohoa.publish.consumer-dead-lettering", false);
            properties.put("sohoa.work.quorum-queues", false);
            try (ConfigurableApplicationContext context = ServeCommand.start(home, properties)) {
                InboxRoute inbox = context.getBean(InboxRoute.class);
                FtpCaptureRoute ftpRoute = context.getBean(FtpCaptureRoute.class);
                JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
                String code = "HS-2026-" + (100_000 + new java.util.Random().nextInt(900_000));

                // the broker is down: nothing can be queued, so nothing is acknowledged
                broker.close();
                Path inboxFile = drop(home.resolve("inbox/" + code + "-1"), "giay-to.tif", "ĐƠN ĐỀ NGHỊ");
                Path ftpFile = drop(ftpRoot.resolve(code + "-2"), "quet.tif", "TỜ KHAI");
                await("both failed at least twice while the broker is down",
                        () -> inbox.transientFailures() >= 2 && ftpRoute.transientFailures() >= 2);
                assertThat(inboxFile).as("left in the inbox").exists();
                assertThat(ftpFile).as("left in place on the FTP server").exists();
                assertThat(FolderContents.paths(ftpRoot)).as("neither done nor failed on the server")
                        .containsExactlyInAnyOrder(code + "-2/quet.tif");
                assertThat(FolderContents.count(home.resolve("failed"))).as("nothing quarantined").isZero();
                assertThat(inbox.waitingForRetry()).isEqualTo(1);

                broker = EmbeddedBroker.start(brokerDir, brokerPort);
                await("both are queued once the broker is back", () -> !Files.exists(inboxFile) && !Files.exists(ftpFile));
                assertThat(FolderContents.paths(ftpRoot.resolve(".done"))).containsExactly(code + "-2/quet.tif");
                await("both are recorded", () -> count(jdbc, "select count(*) from document") == 2);

                // PostgreSQL is down: the intake needs none, so the files are stored, queued and acknowledged
                db.close();
                Path inboxFile2 = drop(home.resolve("inbox/" + code + "-3"), "quyet-dinh.tif", "QUYẾT ĐỊNH");
                Path ftpFile2 = drop(ftpRoot.resolve(code + "-4"), "bien-ban.tif", "BIÊN BẢN");
                await("both are acknowledged while PostgreSQL is down",
                        () -> !Files.exists(inboxFile2) && !Files.exists(ftpFile2));
                assertThat(FolderContents.paths(ftpRoot.resolve(".done"))).hasSize(2);
                assertThat(FolderContents.count(ftpRoot.resolve(".failed"))).as("nothing failed on the server").isZero();
                assertThat(FolderContents.count(home.resolve("failed"))).as("nothing quarantined").isZero();
                String readiness = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port")
                        + "/actuator/health/readiness";
                HttpClient http = HttpClient.newHttpClient();
                HttpResponse<String> down = http.send(HttpRequest.newBuilder(URI.create(readiness)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(down.statusCode()).as("not ready without PostgreSQL").isEqualTo(503);
                assertThat(down.body()).contains("\"db\":{\"status\":\"DOWN\"");

                db = EmbeddedDatabase.start(dataDir, dbPort);
                await("all four are recorded", () -> count(jdbc, "select count(*) from document") == 4);
                await("and announced", () -> count(jdbc, "select count(*) from outbox where published_at is null") == 0);
                assertThat(http.send(HttpRequest.newBuilder(URI.create(readiness)).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode()).as("ready again").isEqualTo(200);
                assertThat(count(jdbc, "select count(distinct original_sha256) from document")).isEqualTo(4);
                assertThat(count(jdbc, "select count(*) from outbox")).isEqualTo(4);
                assertThat(count(jdbc, "select count(*) from rejected_scan")).isZero();
                assertThat(count(jdbc, "select count(*) from work_page where ocr_runs <> 1")).isZero();
                assertThat(FolderContents.count(home.resolve("done"))).isEqualTo(2);
                assertThat(inbox.waitingForRetry()).as("forgotten once through").isZero();

                Announcements announced = Announcements.take("127.0.0.1", brokerPort, services.queue, code);
                assertThat(announced.messageIdsByDocument()).as("every document announced").hasSize(4)
                        .allSatisfy((document, ids) -> assertThat(ids).hasSize(1));
                assertThat(announced.deliveries()).as("announced once").doesNotHaveDuplicates();
            }
        } finally {
            broker.close();
            db.close();
        }
    }

    /** A one-page scan written under a dot name and renamed into {@code folder}, as a scanner's upload is. */
    private Path drop(Path folder, String name, String title) throws Exception {
        Files.createDirectories(folder);
        Path staged = new PaperBatch().page(title).writeTiff(outside.resolve(name));
        Files.copy(staged, folder.resolve("." + name));
        return Files.move(folder.resolve("." + name), folder.resolve(name));
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
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
