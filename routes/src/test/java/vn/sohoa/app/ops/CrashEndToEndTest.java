package vn.sohoa.app.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.sohoa.app.ServiceFixtures.drop;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.sohoa.app.FolderContents;
import vn.sohoa.app.SharedCorpus;
import vn.sohoa.app.records.MachineServices;

/**
 * {@code sohoa serve} (one process, role all) killed with SIGKILL (kill -9) while a page is being read, then
 * started again: every file dropped is processed once, every page read once, every document recorded once and
 * announced once, and every file that had left the inbox at the kill had its original stored and its job
 * queued first. Runs against the machine's PostgreSQL (a fresh database) and RabbitMQ: an embedded PostgreSQL
 * would outlive its killed parent.
 */
@Tag("e2e")
class CrashEndToEndTest {

    static final Duration TIMEOUT = Duration.ofSeconds(180);
    private static final int FILES = 4;

    @TempDir
    Path home;

    @Test
    void killedInTheMiddleOfAPageItLosesNothingAndDuplicatesNothing() throws Exception {
        try (MachineServices services = new MachineServices()) {
            services.assumeMachineDatabaseAndBroker("an embedded PostgreSQL would outlive its killed parent");
            Map<String, String> environment = services.environment();
            String prefix = "HS-2026-" + (10 + new java.util.Random().nextInt(89));
            for (int i = 0; i < FILES; i++) {
                // distinct bytes for each: originals are stored by content
                drop(withTextChunk(Files.readAllBytes(SharedCorpus.file("real-scans/vietsample2.png")), "copy " + i),
                        home.resolve("inbox/" + prefix + "000" + i), "giay-to-" + i + ".png");
            }

            try (ServeProcess first = ServeProcess.start(home, home, "first", environment)) {
                ServeProcess.await("one document is recorded", TIMEOUT, () -> documents(services) >= 1, first);
                // frozen (SIGSTOP) when seen in the middle of a page, so that the kill falls on that page; a page
                // that ended between the look and the freeze lets it go on to the next
                String inFlight = "select count(*) from work_page where started_at is not null and read_at is null";
                boolean onAPage = first.freezeWhen("a page is in the middle of being read", TIMEOUT,
                        () -> services.count(inFlight) > 0, first);
                assertThat(onAPage).as("frozen in the middle of a page").isTrue();
                long recordedAtKill = documents(services);
                first.kill();
                assertThat(recordedAtKill).as("killed before the end").isLessThan(FILES);
            }
            assertThat(FolderContents.count(home.resolve("originals")))
                    .as("every file acknowledged (moved to done/) had its original stored first")
                    .isGreaterThanOrEqualTo(FolderContents.count(home.resolve("done")));

            try (ServeProcess second = ServeProcess.start(home, home, "second", withJsonLogs(environment))) {
                ServeProcess.await("every document is recorded", TIMEOUT, () -> documents(services) == FILES, second);
                ServeProcess.await("the inbox is empty", TIMEOUT,
                        () -> FolderContents.count(home.resolve("inbox")) == 0, second);
                ServeProcess.await("every document is announced", TIMEOUT, () -> services.count(
                        "select count(*) from outbox where published_at is null") == 0, second);
                second.stop();
            }
            assertThat(services.count("select count(distinct (dossier_id, original_sha256)) from document"))
                    .isEqualTo(FILES);
            assertThat(services.count("select count(*) from outbox")).isEqualTo(FILES);
            assertThat(services.count("select count(*) from rejected_scan")).isZero();
            assertThat(services.count("select count(*) from work_page")).isEqualTo(FILES);
            assertThat(services.count("select count(*) from work_page where ocr_runs <> 1"))
                    .as("every page read to the end once").isZero();
            assertThat(services.count("select count(*) from work_page where attempts > 1"))
                    .as("the page killed in the middle was started again").isGreaterThanOrEqualTo(1);
            assertThat(FolderContents.count(home.resolve("done"))).as("each file processed once").isEqualTo(FILES);
            assertThat(FolderContents.count(home.resolve("failed"))).isZero();

            Announcements announced = Announcements.take(services.queue, prefix);
            assertThat(announced.messageIdsByDocument()).as("every document announced").hasSize(FILES);
            assertThat(announced.messageIdsByDocument().values()).as("each under one message id")
                    .allSatisfy(ids -> assertThat(ids).hasSize(1));
            // a kill between the broker's confirm and the commit that marks the row published sends that message
            // again on restart, under the same message id, which is what consumers deduplicate by (docs/results-message.md)
            assertThat(announced.messageIds()).as("one message id a document").hasSize(FILES);
            assertThat(announced.deliveries()).hasSizeLessThanOrEqualTo(2 * FILES);
            assertThat(announced.mostDeliveriesOfOneMessage())
                    .as("no message sent more than twice (once more after the one kill)").isLessThanOrEqualTo(2);

            // the second run logged with SOHOA_LOG_FORMAT=json: one JSON object a line, the dossier a field
            List<String> jsonLines = Files.readAllLines(home.resolve("second.log")).stream()
                    .filter(l -> l.startsWith("{")).toList();
            assertThat(jsonLines).isNotEmpty().anySatisfy(l -> assertThat(l).contains("\"dossier\":\"" + prefix));
            new ObjectMapper().readTree(jsonLines.get(jsonLines.size() - 1));
        }
    }

    private static Map<String, String> withJsonLogs(Map<String, String> environment) {
        Map<String, String> json = new HashMap<>(environment);
        json.put("SOHOA_LOG_FORMAT", "json");
        return json;
    }

    /** The PNG with a tEXt chunk inserted before IEND: the same image, other bytes. */
    static byte[] withTextChunk(byte[] png, String text) {
        byte[] data = ("Comment\0" + text).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        java.nio.ByteBuffer chunk = java.nio.ByteBuffer.allocate(12 + data.length);
        chunk.putInt(data.length).put("tEXt".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).put(data);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(chunk.array(), 4, 4 + data.length);
        chunk.putInt((int) crc.getValue());
        int iend = png.length - 12;
        byte[] out = new byte[png.length + chunk.capacity()];
        System.arraycopy(png, 0, out, 0, iend);
        System.arraycopy(chunk.array(), 0, out, iend, chunk.capacity());
        System.arraycopy(png, iend, out, iend + chunk.capacity(), 12);
        return out;
    }

    private static long documents(MachineServices services) {
        return services.count("select count(*) from document");
    }
}
