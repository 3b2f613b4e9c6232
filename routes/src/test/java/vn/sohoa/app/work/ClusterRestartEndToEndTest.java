package vn.sohoa.app.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.sohoa.app.FolderContents;
import vn.sohoa.app.ops.Announcements;
import vn.sohoa.app.ops.ServeProcess;
import vn.sohoa.app.records.MachineServices;
import vn.sohoa.app.records.OwnServices;

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
        try (OwnServices own = new OwnServices(home); MachineServices names = new MachineServices()) {
            String url = own.jdbcUrl();
            Map<String, Object> properties = new HashMap<>(own.properties());
            properties.putAll(names.runProperties());
            Map<String, String> environment = MachineServices.asEnvironment(properties);
            String prefix = "HS-RS-" + names.run;
            try (ClusterRun cluster = new ClusterRun(home, environment, "127.0.0.1", own.brokerPort(),
                    names.workQueuePrefix)) {
                cluster.intake();
                cluster.worker("worker-a");
                cluster.worker("worker-b");
                cluster.awaitPageConsumers(2);
                cluster.dropScans(prefix, SCANS, PAGES);
                ServeProcess.await("every scan planned and two pages read", ClusterRun.TIMEOUT,
                        () -> MachineServices.count(url, "select count(*) from work_page") == SCANS * PAGES
                                && MachineServices.count(url, "select count(*) from work_page where read_at is not null") >= 2,
                        cluster.running());

                own.stopBroker();
                long readWhileDown = MachineServices.count(url, "select count(*) from work_page where read_at is not null");
                Thread.sleep(2000);
                own.startBroker();
                ServeProcess.await("two more pages read after the broker's restart", ClusterRun.TIMEOUT,
                        () -> MachineServices.count(url, "select count(*) from work_page where read_at is not null")
                                >= readWhileDown + 2, cluster.running());
                assertThat(MachineServices.count(url, "select count(*) from document")).as("not done yet")
                        .isLessThan(SCANS);

                own.stopDatabase();
                Thread.sleep(3000);
                own.startDatabase();
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
            Announcements announced = Announcements.take("127.0.0.1", own.brokerPort(), own.brokerUser(), own.brokerPassword(), names.queue, prefix);
            assertThat(announced.messageIdsByDocument()).as("every document announced").hasSize(SCANS)
                    .allSatisfy((document, ids) -> assertThat(ids).as("under one message id").hasSize(1));
        }
    }
}
