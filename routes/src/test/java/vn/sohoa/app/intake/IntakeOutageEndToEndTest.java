package vn.sohoa.app.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.sohoa.app.ServiceFixtures.baseUrl;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.sohoa.app.Await;
import vn.sohoa.app.FolderContents;
import vn.sohoa.app.PaperBatch;
import vn.sohoa.app.ServiceFixtures;
import vn.sohoa.app.cli.ServeCommand;
import vn.sohoa.app.ops.Announcements;
import vn.sohoa.app.records.MachineServices;
import vn.sohoa.app.records.OwnServices;

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
        Path ftpRoot = Files.createDirectories(outside.resolve("ftp"));
        try (OwnServices own = new OwnServices(home); MachineServices services = new MachineServices();
             FtpStandIn ftp = FtpStandIn.start(ftpRoot)) {
            Map<String, Object> properties = new HashMap<>(own.properties());
            properties.putAll(services.runProperties());
            properties.put("server.port", 0);
            properties.put("spring.datasource.hikari.connection-timeout", 1000);
            properties.put("sohoa.capture.ftp.uri", ftp.uri());
            try (ConfigurableApplicationContext context = ServeCommand.start(home, properties)) {
                InboxRoute inbox = context.getBean(InboxRoute.class);
                FtpCaptureRoute ftpRoute = context.getBean(FtpCaptureRoute.class);
                JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
                String code = "HS-2026-" + (100_000 + new Random().nextInt(900_000));

                // the broker is down: nothing can be queued, so nothing is acknowledged
                own.stopBroker();
                Path inboxFile = drop(home.resolve("inbox/" + code + "-1"), "giay-to.tif", "ĐƠN ĐỀ NGHỊ");
                Path ftpFile = drop(ftpRoot.resolve(code + "-2"), "quet.tif", "TỜ KHAI");
                Await.until("both failed at least twice while the broker is down", TIMEOUT,
                        () -> inbox.transientFailures() >= 2 && ftpRoute.transientFailures() >= 2);
                assertThat(inboxFile).as("left in the inbox").exists();
                assertThat(ftpFile).as("left in place on the FTP server").exists();
                assertThat(FolderContents.paths(ftpRoot)).as("neither done nor failed on the server")
                        .containsExactlyInAnyOrder(code + "-2/quet.tif");
                assertThat(FolderContents.count(home.resolve("failed"))).as("nothing quarantined").isZero();
                assertThat(inbox.waitingForRetry()).isEqualTo(1);

                own.startBroker();
                Await.until("both are queued once the broker is back", TIMEOUT,
                        () -> !Files.exists(inboxFile) && !Files.exists(ftpFile));
                assertThat(FolderContents.paths(ftpRoot.resolve(".done"))).containsExactly(code + "-2/quet.tif");
                // and announced, before PostgreSQL goes: a publisher cut between the broker's confirm and its commit
                // sends again (the consumer's idempotency key covers it), which is not what this test is about
                Await.until("both are recorded and announced", TIMEOUT, () -> count(jdbc, "select count(*) from document") == 2
                        && count(jdbc, "select count(*) from outbox where published_at is null") == 0);

                // PostgreSQL is down: the intake needs none, so the files are stored, queued and acknowledged
                own.stopDatabase();
                Path inboxFile2 = drop(home.resolve("inbox/" + code + "-3"), "quyet-dinh.tif", "QUYẾT ĐỊNH");
                Path ftpFile2 = drop(ftpRoot.resolve(code + "-4"), "bien-ban.tif", "BIÊN BẢN");
                Await.until("both are acknowledged while PostgreSQL is down", TIMEOUT,
                        () -> !Files.exists(inboxFile2) && !Files.exists(ftpFile2));
                assertThat(FolderContents.paths(ftpRoot.resolve(".done"))).hasSize(2);
                assertThat(FolderContents.count(ftpRoot.resolve(".failed"))).as("nothing failed on the server").isZero();
                assertThat(FolderContents.count(home.resolve("failed"))).as("nothing quarantined").isZero();
                String readiness = baseUrl(context) + "/actuator/health/readiness";
                HttpClient http = HttpClient.newHttpClient();
                HttpResponse<String> down = http.send(HttpRequest.newBuilder(URI.create(readiness)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(down.statusCode()).as("not ready without PostgreSQL").isEqualTo(503);
                // anonymous probes get only the status; without PostgreSQL no account could be looked up anyway
                assertThat(down.body()).contains("\"status\":\"DOWN\"");

                own.startDatabase();
                Await.until("all four are recorded", TIMEOUT, () -> count(jdbc, "select count(*) from document") == 4);
                Await.until("and announced", TIMEOUT,
                        () -> count(jdbc, "select count(*) from outbox where published_at is null") == 0);
                assertThat(http.send(HttpRequest.newBuilder(URI.create(readiness)).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode()).as("ready again").isEqualTo(200);
                assertThat(count(jdbc, "select count(distinct original_sha256) from document")).isEqualTo(4);
                assertThat(count(jdbc, "select count(*) from outbox")).isEqualTo(4);
                assertThat(count(jdbc, "select count(*) from rejected_scan")).isZero();
                assertThat(count(jdbc, "select count(*) from work_page where ocr_runs <> 1")).isZero();
                assertThat(FolderContents.count(home.resolve("done"))).isEqualTo(2);
                assertThat(inbox.waitingForRetry()).as("forgotten once through").isZero();

                Announcements announced = Announcements.take("127.0.0.1", own.brokerPort(), own.brokerUser(), own.brokerPassword(), services.queue, code);
                assertThat(announced.messageIdsByDocument()).as("every document announced").hasSize(4)
                        .allSatisfy((document, ids) -> assertThat(ids).hasSize(1));
                assertThat(announced.deliveries()).as("announced once").doesNotHaveDuplicates();
            }
        }
    }

    /** A one-page scan written under a dot name and renamed into {@code folder}, as a scanner's upload is. */
    private Path drop(Path folder, String name, String title) throws Exception {
        Files.createDirectories(folder);
        Path staged = new PaperBatch().page(title).writeTiff(outside.resolve(name));
        ServiceFixtures.drop(staged, folder, name);
        return folder.resolve(name);
    }

    /** -1 while the test's own connections to the restarted PostgreSQL are not back yet. */
    private static long count(JdbcTemplate jdbc, String sql) {
        try {
            return ServiceFixtures.count(jdbc, sql);
        } catch (DataAccessException e) {
            return -1;
        }
    }
}
