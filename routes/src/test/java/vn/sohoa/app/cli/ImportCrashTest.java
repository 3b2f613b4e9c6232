package vn.sohoa.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.sohoa.app.PaperBatch;

/**
 * {@code sohoa import} started as the program (a JVM of its own, through {@link SohoaCommand#main}) while the
 * process that digitizes is killed with SIGSEGV, as a fault in Tesseract, Leptonica or OpenCV kills it: the
 * JVM's fatal error handler runs as for a real native crash (report file, exit), {@link CrashRestarts} starts
 * the digitizer again, and the import ends with every document once.
 */
@Tag("e2e")
class ImportCrashTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aNativeCrashInTheMiddleOfADocumentIsSurvivedWithEveryDocumentDoneAndPrintedOnce() throws Exception {
        Path batch = batch(4);
        Path out = dir.resolve("out");
        Process importing = start(out, batch);

        long crashed = crashWhen(importing, out, entries -> done(entries) >= 1 && inFlight(entries) != null);
        int exit = finish(importing);

        assertThat(exit).as(log()).isZero();
        List<JsonNode> lines = stdout();
        assertThat(lines).extracting(l -> l.get("status").asText()).containsExactly("ok", "ok", "ok", "ok");
        assertThat(lines).extracting(l -> l.get("output").asText()).doesNotHaveDuplicates();
        assertThat(lines).allSatisfy(l -> assertThat(Path.of(l.get("output").asText())).isRegularFile());
        List<Map<String, Object>> journal = journal(out);
        assertThat(journal).filteredOn(e -> "crashed".equals(e.get("event"))).hasSize(1);
        assertThat(journal).filteredOn(e -> "done".equals(e.get("event"))).hasSize(4);
        assertThat(out.resolve("hs_err_pid" + crashed + ".log")).isRegularFile();
        assertThat(Files.readString(dir.resolve("stderr.txt"))).contains("dừng đột ngột").contains("chạy lại lần 1/5");
        assertThat(Files.readString(out.resolve("import-report.txt"))).contains("4 tài liệu mới").contains("0 lỗi");
    }

    @Test
    void aDocumentInHandAtTwoCrashesIsReportedFailedAndTheRestOfTheBatchIsDone() throws Exception {
        Path batch = batch(3);
        Path out = dir.resolve("out");
        Process importing = start(out, batch);

        Predicate<List<Map<String, Object>>> secondInHand = entries -> {
            Map<String, Object> document = inFlight(entries);
            return document != null && ((Number) document.get("document")).intValue() == 2;
        };
        crashWhen(importing, out, secondInHand);
        crashWhen(importing, out, secondInHand);
        int exit = finish(importing);

        assertThat(exit).as(log()).isEqualTo(1);
        List<JsonNode> lines = stdout();
        assertThat(lines).extracting(l -> l.get("status").asText()).containsExactly("ok", "failed", "ok");
        assertThat(lines.get(1).get("error").asText()).contains("native crash").contains("2 times");
        assertThat(Files.readString(out.resolve("import-report.txt"))).contains("2 tài liệu mới").contains("native crash");
    }

    @Test
    void stoppingTheImportStopsTheProcessThatDigitizesAndTheNextRunGoesOn() throws Exception {
        Path batch = batch(3);
        Path out = dir.resolve("out");
        Process importing = start(out, batch);
        ProcessHandle child = null;
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (child == null || inFlight(journal(out)) == null) {
            assertThat(System.nanoTime()).as("no document was started: " + log()).isLessThan(deadline);
            child = importing.toHandle().children().findFirst().orElse(null);
            Thread.sleep(50);
        }

        importing.destroy();
        int exit = finish(importing);

        assertThat(exit).isEqualTo(143);
        assertThat(child.onExit().get(1, TimeUnit.MINUTES).isAlive()).isFalse();
        assertThat(log()).contains("Chạy lại đúng lệnh này để tiếp tục");
        Process again = start(out, batch);
        assertThat(finish(again)).as(log()).isZero();
        assertThat(journal(out)).filteredOn(e -> "done".equals(e.get("event"))).hasSize(3);
        assertThat(journal(out)).filteredOn(e -> "crashed".equals(e.get("event"))).isEmpty();
    }

    /** One dossier of {@code documents} one-page documents, cut by separator sheets. */
    private Path batch(int documents) throws IOException {
        PaperBatch paper = new PaperBatch().cover("HS-2026-000901");
        for (int i = 1; i <= documents; i++) {
            if (i > 1) {
                paper.separator();
            }
            paper.page("QUYẾT ĐỊNH SỐ " + i);
        }
        return paper.writeFolder(dir.resolve("lo"));
    }

    /** {@code sohoa import} as its own program, one OCR thread so that one document is in flight at a time. */
    private Process start(Path out, Path batch) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx1g", "-XX:TieredStopAtLevel=1", "-XX:-CreateCoredumpOnCrash",
                "-cp", System.getProperty("java.class.path"), SohoaCommand.class.getName(),
                "import", "-o", out.toString(), "--json", "-j", "1", batch.toString());
        builder.environment().put("OMP_THREAD_LIMIT", "1");
        builder.environment().put("MALLOC_ARENA_MAX", "2");
        return builder.directory(dir.toFile())
                .redirectOutput(dir.resolve("stdout.txt").toFile())
                .redirectError(dir.resolve("stderr.txt").toFile())
                .start();
    }

    /**
     * Waits for the digitizing child to show {@code moment} in the journal, freezes it (SIGSTOP) and looks again
     * so that the document cannot finish between the look and the signal, then sends SIGSEGV; its pid.
     */
    private long crashWhen(Process importing, Path out, Predicate<List<Map<String, Object>>> moment) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(importing.isAlive()).as("the import ended before the moment to crash it: " + log()).isTrue();
            ProcessHandle child = importing.toHandle().children().findFirst().orElse(null);
            if (child != null && moment.test(journal(out))) {
                signal("STOP", child.pid());
                if (moment.test(journal(out))) {
                    signal("SEGV", child.pid());
                    signal("CONT", child.pid());
                    child.onExit().get(2, TimeUnit.MINUTES);
                    return child.pid();
                }
                signal("CONT", child.pid());
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the moment to crash the import did not come: " + log());
    }

    private int finish(Process importing) throws Exception {
        if (!importing.waitFor(6, TimeUnit.MINUTES)) {
            importing.destroyForcibly();
            throw new AssertionError("the import did not end: " + log());
        }
        return importing.exitValue();
    }

    private static void signal(String signal, long pid) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor();
    }

    private static long done(List<Map<String, Object>> entries) {
        return entries.stream().filter(e -> "done".equals(e.get("event"))).count();
    }

    /** The document the journal shows started and not yet done, failed or lost in a crash. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> inFlight(List<Map<String, Object>> entries) {
        Map<String, Object> started = null;
        for (Map<String, Object> e : entries) {
            switch (String.valueOf(e.get("event"))) {
                case "started" -> started = e;
                case "done", "failed", "crashed" -> started = null;
                default -> { }
            }
        }
        return started;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> journal(Path out) throws IOException {
        Path file = out.resolve(ImportJournal.FILE_NAME);
        List<Map<String, Object>> entries = new ArrayList<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                try {
                    entries.add(JSON.readValue(line, Map.class));
                } catch (IOException torn) {
                    // the line being written
                }
            }
        }
        return entries;
    }

    private List<JsonNode> stdout() throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("stdout.txt"), StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("stderr.txt"));
        } catch (IOException e) {
            return "(no stderr: " + e.getMessage() + ")";
        }
    }
}
