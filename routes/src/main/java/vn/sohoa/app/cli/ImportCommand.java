package vn.sohoa.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vn.sohoa.pipeline.DigitizerSettings;

/**
 * {@code sohoa import [--output-dir DIR] [--json] FILE|DIR...}: bulk digitization of backlog batches cut by
 * cover and separator sheets into DIR/&lt;dossier&gt;/&lt;n&gt;.pdf, run by {@link ImportService}; this command
 * only reads the options and prints what the import tells: a line per document, the progress bar, the report.
 */
@Command(name = "import", mixinStandardHelpOptions = true, versionProvider = SohoaVersion.class,
        description = {"Nhập lô hồ sơ tồn đọng, chia theo tờ bìa và tờ phân tách.",
                "Nhập lô hồ sơ tồn đọng: cắt các lô quét dài (TIFF/PDF nhiều trang, hoặc thư mục ảnh trang theo",
                "thứ tự tên) theo tờ bìa hồ sơ và tờ phân tách thành hồ sơ và tài liệu, ghi DIR/<mã hồ sơ>/<n>.pdf.",
                "Bị ngắt (Ctrl-C) thì chạy lại đúng lệnh đó: tài liệu đã xong được bỏ qua.",
                "Exit status: 0 all done, 1 something failed or was left unassigned, 3 stopped early (--max-pages)."})
public final class ImportCommand implements Callable<Integer> {

    @Mixin
    SigningOptions signing = new SigningOptions();

    @Option(names = {"-o", "--output-dir"}, paramLabel = "DIR", defaultValue = "sohoa-import",
            description = "Output and journal folder (default: ${DEFAULT-VALUE}).")
    Path outputDir;

    @Option(names = "--json", description = "One JSON line per document on stdout (the sohoa ocr contract plus dossierCode).")
    boolean json;

    @Option(names = {"-j", "--threads"}, paramLabel = "N",
            description = "OCR threads, one Tesseract engine each (default: one per core, ${DEFAULT-VALUE}).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--blank-separates",
            description = "A blank page also starts a new document (not for duplex scans of one-sided paper).")
    boolean blankSeparates;

    @Option(names = "--max-pages", paramLabel = "N",
            description = "Start no new document once N pages were digitized in this run (a trial run; run again to go on).")
    Integer maxPages;

    @Option(names = "--progress", negatable = true,
            description = "Progress bar on stderr (default: when stderr is a terminal).")
    Boolean progress;

    @Option(names = "--restarts", paramLabel = "N", defaultValue = "5",
            description = "Digitize in a child process and start it again, up to N times, when it dies of a native"
                    + " crash (default: ${DEFAULT-VALUE}; 0: digitize in this process).")
    int restarts;

    static final String WORKER_OPTION = "--worker-of-run";

    /** Set in the child of {@link CrashRestarts}: where the run's entries start in the journal. */
    @Option(names = WORKER_OPTION, hidden = true)
    Integer runStart;

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "Scanned batches: multi-page files or folders of pages.")
    List<Path> inputs;

    private static final ObjectMapper JSON = new ObjectMapper();
    private volatile boolean finished;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Quiet.logging();
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        boolean worker = runStart != null;
        boolean bar = progress != null ? progress : ProgressLine.stderrIsTerminal();
        // a command called in-process (a test) digitizes in this JVM: only the program starts children
        int restartsHere = worker || !CrashRestarts.isLaunchedAsProgram() ? 0 : restarts;
        List<String> childOptions = List.of(bar ? "--progress" : "--no-progress");
        ImportService.Request request = new ImportService.Request(outputDir, inputs, threads, blankSeparates, maxPages,
                signing.applyTo(DigitizerSettings.defaults().withOcrThreads(threads)), restartsHere, childOptions, runStart);
        ProgressLine line = new ProgressLine(err, bar);
        // the child of CrashRestarts (started with --json) hands its documents to its parent, which prints them
        ImportListener listener = new Printed(out, err, line);
        Thread onInterrupt = new Thread(() -> {
            if (!finished) {
                line.finish();
                err.println("Đã dừng giữa chừng. Chạy lại đúng lệnh này để tiếp tục: tài liệu đã xong sẽ được bỏ qua"
                        + " (nhật ký: " + outputDir.resolve(ImportJournal.FILE_NAME) + ").");
            }
        }, "sohoa-import-interrupted");
        if (restartsHere == 0) {
            Runtime.getRuntime().addShutdownHook(onInterrupt);
        }
        try {
            ImportService.Result result = new ImportService(request, listener).run();
            line.finish();
            if (!worker && result.report() != null) {
                (json ? err : out).print(result.report());
                (json ? err : out).flush();
            }
            return result.exitCode();
        } finally {
            finished = true;
            if (restartsHere == 0) {
                try {
                    Runtime.getRuntime().removeShutdownHook(onInterrupt);
                } catch (IllegalStateException e) {
                    // already shutting down
                }
            }
        }
    }

    /** The import's news for a person or, with --json, for another tool: stdout, and the bar on stderr. */
    private final class Printed implements ImportListener {

        private final PrintStream out;
        private final PrintStream err;
        private final ProgressLine bar;

        Printed(PrintStream out, PrintStream err, ProgressLine bar) {
            this.out = out;
            this.err = err;
            this.bar = bar;
        }

        @Override
        public void document(Map<String, Object> line) {
            if (json) {
                out.println(write(line));
            } else if ("ok".equals(line.get("status")) && !Boolean.TRUE.equals(line.get("skipped"))) {
                bar.finish();
                out.printf("xong    %s (trang %s) -> %s (hồ sơ %s, %s trang, loại %s)%n", line.get("input"),
                        line.get("inputPages"), line.get("output"), line.get("dossierCode"), line.get("pages"),
                        line.get("type"));
            }
        }

        @Override
        public void progress(String stage, long done, long total) {
            bar.show(stage, done, total);
        }

        @Override
        public void notice(String message) {
            bar.finish();
            err.println(message);
        }
    }

    private static String write(Map<String, Object> line) {
        try {
            return JSON.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
