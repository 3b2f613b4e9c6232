package vn.sohoa.app.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.sohoa.app.FolderContents;
import vn.sohoa.app.ops.Announcements;
import vn.sohoa.app.ops.ServeProcess;
import vn.sohoa.app.records.MachineServices;

/**
 * Cluster mode on the machine's PostgreSQL and RabbitMQ (quorum queues): one intake process and two worker
 * processes, each its own JVM, share the work of several multi-page scans (four of two rendered pages), and a worker killed with SIGKILL in
 * the middle of a page and started again loses nothing and repeats nothing: every page is read once (one
 * stored reading each, one finished OCR run each), every document recorded once and announced once.
 */
@Tag("e2e")
class ClusterEndToEndTest {

    private static final int SCANS = 4;
    private static final int PAGES = 2;

    @TempDir
    Path home;

    @Test
    void oneIntakeAndTwoWorkersShareTheWorkAndRecordEachDocumentOnce() throws Exception {
        try (MachineServices services = new MachineServices()) {
            assumeTrue(services.externalDatabase && services.externalBroker, "needs the machine's PostgreSQL and RabbitMQ");
            try (ClusterRun cluster = new ClusterRun(home, services.environment(), "127.0.0.1", 5672,
                    services.workQueuePrefix)) {
                cluster.intake();
                cluster.worker("worker-a");
                cluster.worker("worker-b");
                cluster.awaitPageConsumers(2);
                String prefix = "HS-CL-" + services.run;
                cluster.dropScans(prefix, SCANS, PAGES);
                awaitAllAnnounced(services, cluster);
            }
            assertRecordedOnceAndReadOnce(services);
            assertThat(services.count("select count(distinct read_by) from work_page"))
                    .as("pages spread over both workers").isEqualTo(2);
            assertThat(services.count("select count(*) from work_page where read_by not in ('worker-a', 'worker-b')"))
                    .as("the intake reads no page").isZero();
            assertThat(services.count("select count(*) from work_page where attempts <> 1"))
                    .as("no page taken twice").isZero();
            assertAnnouncedOnce(services, "HS-CL-" + services.run, false);
        }
    }

    @Test
    void aWorkerKilledInTheMiddleOfAPageAndStartedAgainLosesNothingAndRepeatsNothing() throws Exception {
        try (MachineServices services = new MachineServices()) {
            assumeTrue(services.externalDatabase && services.externalBroker, "needs the machine's PostgreSQL and RabbitMQ");
            String prefix = "HS-KILL-" + services.run;
            List<String> killedPages;
            try (ClusterRun cluster = new ClusterRun(home, services.environment(), "127.0.0.1", 5672,
                    services.workQueuePrefix)) {
                cluster.intake();
                ServeProcess workerA = cluster.worker("worker-a");
                cluster.worker("worker-b");
                cluster.awaitPageConsumers(2);
                cluster.dropScans(prefix, SCANS, PAGES);
                String inFlight = """
                        select work_document_id || '/' || number from work_page
                        where started_by = 'worker-a' and read_at is null""";
                // worker-a is frozen (SIGSTOP) when it is seen in the middle of a page, so that the page it is
                // killed on is the page looked at; a page that ended between the look and the freeze (its commit
                // already sent) lets it go on until it is seen in the middle of another
                workerA.freezeWhen("every scan planned, and worker-a, having read a page, in the middle of another",
                        ClusterRun.TIMEOUT, () -> services.count("select count(*) from work_page") == SCANS * PAGES
                                && services.count("select count(*) from work_page where read_by = 'worker-a'") >= 1
                                && services.count("select count(*) from (" + inFlight + ") p") >= 1,
                        cluster.running());
                killedPages = services.jdbcList(inFlight);
                workerA.kill();
                assertThat(killedPages).as("killed in the middle of a page").isNotEmpty();
                assertThat(services.count("select count(*) from document")).as("killed before the end")
                        .isLessThan(SCANS);
                cluster.worker("worker-a");
                awaitAllAnnounced(services, cluster);
            }
            assertRecordedOnceAndReadOnce(services);
            for (String page : killedPages) {
                assertThat(services.count("select attempts from work_page where work_document_id || '/' || number = '"
                        + page + "'")).as("page " + page + " was started again after the kill").isGreaterThanOrEqualTo(2);
            }
            assertAnnouncedOnce(services, prefix, true);
        }
    }

    private static void awaitAllAnnounced(MachineServices services, ClusterRun cluster) throws InterruptedException {
        ServeProcess.await("every document is recorded and announced", ClusterRun.TIMEOUT,
                () -> services.count("select count(*) from document") == SCANS
                        && services.count("select count(*) from outbox where published_at is null") == 0,
                cluster.running());
    }

    /** Each scan one document of all its pages, each page read to the end once, the inbox emptied once. */
    private void assertRecordedOnceAndReadOnce(MachineServices services) {
        assertThat(services.count("select count(distinct (dossier_id, original_sha256)) from document")).isEqualTo(SCANS);
        assertThat(services.count("select count(*) from document where page_count <> " + PAGES)).isZero();
        assertThat(services.count("select count(*) from outbox")).as("one results message a document").isEqualTo(SCANS);
        assertThat(services.count("select count(*) from work_document where state = 'recorded'")).isEqualTo(SCANS);
        assertThat(services.count("select count(*) from work_page")).isEqualTo(SCANS * PAGES);
        assertThat(services.count("select count(*) from work_page where read_at is null or ocr_runs <> 1"))
                .as("every page read to the end exactly once").isZero();
        assertThat(services.count("select count(*) from rejected_scan")).isZero();
        assertThat(FolderContents.count(home.resolve("inbox"))).isZero();
        assertThat(FolderContents.count(home.resolve("done"))).as("each file acknowledged once").isEqualTo(SCANS);
        assertThat(FolderContents.count(home.resolve("failed"))).isZero();
    }

    /**
     * Every document announced under one message id; sent once, or, after a kill, at most once more: a process
     * killed between the broker's confirm and the commit that marks the row published sends it again on
     * restart under the same id, which consumers deduplicate by.
     */
    private static void assertAnnouncedOnce(MachineServices services, String prefix, boolean killed) throws Exception {
        Announcements announced = Announcements.take(services.queue, prefix);
        assertThat(announced.messageIdsByDocument()).as("every document announced").hasSize(SCANS)
                .allSatisfy((document, ids) -> assertThat(ids).as("under one message id").hasSize(1));
        assertThat(announced.messageIds()).as("one message id a document").hasSize(SCANS);
        if (killed) {
            assertThat(announced.mostDeliveriesOfOneMessage()).as("no message sent more than twice").isLessThanOrEqualTo(2);
        } else {
            assertThat(announced.deliveries()).as("announced once").hasSize(SCANS).doesNotHaveDuplicates();
        }
    }
}
