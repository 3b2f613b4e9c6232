package vn.sohoa.app.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.sohoa.app.FolderContents;
import vn.sohoa.app.config.EmbeddedBroker;
import vn.sohoa.app.config.EmbeddedDatabase;
import vn.sohoa.app.ops.Announcements;
import vn.sohoa.app.ops.ServeProcess;
import vn.sohoa.app.records.MachineServices;

/**
 * One intake and two workers (their own JVMs) while the broker restarts in the middle of the work, and then
 * PostgreSQL: a broker and a PostgreSQL of this test (the embedded Qpid broker and an embedded PostgreSQL,
 * started and stopped here, so the machine's services, which other work on this machine uses, are never
 * stopped). Jobs in hand when the broker goes come again and find their pages read; steps that need the
 * database wait for it, holding their job and their reading. Every page is read once, every document recorded
 * once and announced once.
 */
@Tag("e2e")
class ClusterRestartEndToEndTest {

    private static final int SCANS = 5;
    private static final int PAGES = 2;

    @TempDir
    Path home;

    @Test
    void restartingTheBrokerAndThenPostgresLosesNothingAndRepeatsNothing() throws Exception {
        int dbPort = freePort();
        int brokerPort = freePort();
        Path dataDir = home.resolve("test-postgres");
        Path brokerDir = home.resolve("test-broker");
        EmbeddedDatabase db = EmbeddedDatabase.start(dataDir, dbPort);
        EmbeddedBroker broker = EmbeddedBroker.start(brokerDir, brokerPort);
        String url = db.jdbcUrl();
        try (MachineServices names = new MachineServices()) {
            Map<String, String> environment = MachineServices.asEnvironment(names.runProperties());
            environment.put("SPRING_DATASOURCE_URL", url);
            environment.put("SPRING_DATASOURCE_USERNAME", "postgres");
            environment.put("SPRING_DATASOURCE_PASSWORD", "");
            environment.put("SPRING_DATASOURCE_HIKARI_CONNECTIONTIMEOUT", "2000");
            environment.put("SPRING_RABBITMQ_HOST", "127.0.0.1");
            environment.put("SPRING_RABBITMQ_PORT", String.valueOf(brokerPort));
            environment.put("SPRING_RABBITMQ_USERNAME", EmbeddedBroker.USER);
            environment.put("SPRING_RABBITMQ_PASSWORD", EmbeddedBroker.PASSWORD);
            environment.put("SOHOA_WORK_QUORUMQUEUES", "false");
            environment.put("SOHOA_PUBLISH_CONSUMERDEADLETTERING", "false");
            environment.put("SOHOA_INBOX_POLLDELAYMS", "200");
            environment.put("SOHOA_INBOX_MINAGEMS", "300");
            environment.put("SOHOA_OUTBOX_POLLDELAYMS", "200");
            environment.put("SOHOA_PUBLISH_RETRYINITIAL", "200ms");
            environment.put("SOHOA_INTAKE_RETRYINITIAL", "300ms");
            environment.put("SOHOA_INTAKE_RETRYMAX", "1s");
            String prefix = "HS-RS-" + names.run;
            try (ClusterRun cluster = new ClusterRun(home, environment, "127.0.0.1", brokerPort, names.workQueuePrefix)) {
                cluster.intake();
                cluster.worker("worker-a");
                cluster.worker("worker-b");
                cluster.awaitPageConsumers(2);
                cluster.dropScans(prefix, SCANS, PAGES);
                ServeProcess.await("every scan planned and two pages read", ClusterRun.TIMEOUT,
                        () -> MachineServices.count(url, "select count(*) from work_page") == SCANS * PAGES
                                && MachineServices.count(url, "select count(*) from work_page where read_at is not null") >= 2,
                        cluster.running());

                broker.close();
                long readWhileDown = MachineServices.count(url, "select count(*) from work_page where read_at is not null");
                Thread.sleep(2000);
                broker = EmbeddedBroker.start(brokerDir, brokerPort);
                ServeProcess.await("two more pages read after the broker's restart", ClusterRun.TIMEOUT,
                        () -> MachineServices.count(url, "select count(*) from work_page where read_at is not null")
                                >= readWhileDown + 2, cluster.running());
                assertThat(MachineServices.count(url, "select count(*) from document")).as("not done yet")
                        .isLessThan(SCANS);

                db.close();
                Thread.sleep(3000);
                db = EmbeddedDatabase.start(dataDir, dbPort);
                ServeProcess.await("every document is recorded and announced", ClusterRun.TIMEOUT,
                        () -> MachineServices.count(url, "select count(*) from document") == SCANS
                                && MachineServices.count(url, "select count(*) from outbox where published_at is null") == 0,
                        cluster.running());
            }
            assertThat(MachineServices.count(url, "select count(distinct (dossier_id, original_sha256)) from document"))
                    .isEqualTo(SCANS);
            assertThat(MachineServices.count(url, "select count(*) from outbox")).isEqualTo(SCANS);
            assertThat(MachineServices.count(url, "select count(*) from work_page")).isEqualTo(SCANS * PAGES);
            assertThat(MachineServices.count(url, "select count(*) from work_page where read_at is null or ocr_runs <> 1"))
                    .as("every page read to the end exactly once").isZero();
            assertThat(MachineServices.count(url, "select count(distinct read_by) from work_page")).isEqualTo(2);
            assertThat(MachineServices.count(url, "select count(*) from rejected_scan")).isZero();
            assertThat(FolderContents.count(home.resolve("done"))).isEqualTo(SCANS);
            assertThat(FolderContents.count(home.resolve("failed"))).isZero();
            Announcements announced = Announcements.take("127.0.0.1", brokerPort, names.queue, prefix);
            assertThat(announced.messageIdsByDocument()).as("every document announced").hasSize(SCANS)
                    .allSatisfy((document, ids) -> assertThat(ids).as("under one message id").hasSize(1));
        } finally {
            broker.close();
            db.close();
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
