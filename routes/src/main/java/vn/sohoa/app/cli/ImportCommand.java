package vn.sohoa.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vn.sohoa.app.intake.BatchPlan;
import vn.sohoa.app.intake.DossierCodes;
import vn.sohoa.app.intake.PageMarkerReader;
import vn.sohoa.app.publish.DocumentJson;
import vn.sohoa.pipeline.DigitizedDocument;
import vn.sohoa.pipeline.Digitizer;
import vn.sohoa.pipeline.DigitizerSettings;
import vn.sohoa.pipeline.RejectedScanException;
import vn.sohoa.pipeline.Scan;
import vn.sohoa.pipeline.intake.IntakeLimits;
import vn.sohoa.pipeline.intake.Pages;
import vn.sohoa.pipeline.intake.ScanDecoder;
import vn.sohoa.scanner.coversheet.BatchSplitter;
import vn.sohoa.scanner.coversheet.PageMarker;

/**
 * {@code sohoa import [--output-dir DIR] [--json] FILE|DIR...}: bulk digitization of backlog batches cut by
 * cover and separator sheets into DIR/&lt;dossier&gt;/&lt;n&gt;.pdf. Resumable: {@link ImportJournal} remembers
 * how each batch was cut and which documents are finished, so running the same command again after an
 * interruption does only what is left.
 */
@Command(name = "import", mixinStandardHelpOptions = true, versionProvider = SohoaVersion.class,
        description = {"Nhập lô hồ sơ tồn đọng, chia theo tờ bìa và tờ phân tách.",
                "Nhập lô hồ sơ tồn đọng: cắt các lô quét dài (TIFF/PDF nhiều trang, hoặc thư mục ảnh trang theo",
                "thứ tự tên) theo tờ bìa hồ sơ và tờ phân tách thành hồ sơ và tài liệu, ghi DIR/<mã hồ sơ>/<n>.pdf.",
                "Bị ngắt (Ctrl-C) thì chạy lại đúng lệnh đó: tài liệu đã xong được bỏ qua.",
                "Exit status: 0 all done, 1 something failed or was left unassigned, 3 stopped early (--max-pages)."})
public final class ImportCommand implements Callable<Integer> {

    /** Backlog batches are long: more pages per file than a desk scan, same per-page limits. */
    static final IntakeLimits LIMITS = new IntakeLimits(2L << 30, 5000, IntakeLimits.DEFAULT.maxPixelsPerPage());
    static final int STOPPED_EARLY = 3;

    @picocli.CommandLine.Mixin
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

    private final ObjectMapper mapper = new ObjectMapper();
    private volatile boolean finished;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Quiet.logging();
        Files.createDirectories(outputDir);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        java.util.Optional<List<String>> launched = CrashRestarts.mainArguments();
        if (runStart == null && restarts > 0 && launched.isPresent()) {
            return new CrashRestarts(launched.get(), outputDir, restarts, out, err).run();
        }
        removeUnfinishedOutputs(outputDir);
        ProgressLine bar = new ProgressLine(err, progress != null ? progress : ProgressLine.stderrIsTerminal());
        ImportJournal journal = ImportJournal.open(outputDir);
        ImportReport report = new ImportReport();
        Thread onInterrupt = new Thread(() -> {
            if (!finished) {
                bar.finish();
                err.println("Đã dừng giữa chừng. Chạy lại đúng lệnh này để tiếp tục: tài liệu đã xong sẽ được bỏ qua"
                        + " (nhật ký: " + outputDir.resolve(ImportJournal.FILE_NAME) + ").");
            }
        }, "sohoa-import-interrupted");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        try (Digitizer digitizer = new Digitizer(signing.applyTo(DigitizerSettings.defaults().withOcrThreads(threads)))) {
            List<Planned> batches = plan(journal, report, bar);
            boolean complete = digitize(digitizer, batches, journal, report, bar, out, runStart == null ? journal.size() : runStart);
            bar.finish();
            report.print(json ? err : out, outputDir);
            Files.writeString(outputDir.resolve("import-report.txt"), report.text(outputDir), StandardCharsets.UTF_8);
            return !complete ? STOPPED_EARLY : report.allOk() ? 0 : 1;
        } finally {
            finished = true;
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException e) {
                // already shutting down
            }
        }
    }

    /** A batch opened and cut, ready to digitize. */
    private record Planned(ScanBatch batch, ImportPlan plan) {
    }

    /** First pass: read the sheets of every batch (or take the cut from the journal) and name the outputs. */
    private List<Planned> plan(ImportJournal journal, ImportReport report, ProgressLine bar) throws IOException {
        ScanDecoder decoder = new ScanDecoder(LIMITS);
        OutputNumbering numbering = new OutputNumbering(outputDir, journal.plannedOutputs());
        PageMarkerReader reader = PageMarkerReader.standard();
        BatchSplitter splitter = new BatchSplitter(blankSeparates);
        List<Planned> batches = new ArrayList<>();
        long pagesRead = 0;
        for (Path input : inputs) {
            ScanBatch batch;
            try {
                batch = ScanBatch.open(input, decoder);
            } catch (IOException e) {
                report.inputFailed(input.toString(), e.getMessage());
                printFailed(input.toString(), null, null, "cannot read the input: " + e.getMessage());
                continue;
            }
            ImportPlan plan = journal.plan(batch.sha256()).map(ImportPlan::fromJournal).orElse(null);
            if (plan == null) {
                List<PageMarker> markers = new ArrayList<>();
                List<Integer> pagesPerFile = new ArrayList<>();
                List<ImportPlan.Unreadable> unreadable = new ArrayList<>();
                for (FileMarkers file : readMarkers(batch, decoder, reader)) {
                    if (file.error() != null) {
                        pagesPerFile.add(0);
                        unreadable.add(new ImportPlan.Unreadable(file.file().toString(), file.error()));
                        continue;
                    }
                    markers.addAll(file.markers());
                    pagesPerFile.add(file.markers().size());
                    pagesRead += file.markers().size();
                    bar.show("Đọc tờ bìa", pagesRead, pagesRead);
                }
                BatchPlan cut = BatchPlan.of(markers, splitter);
                List<ImportPlan.Planned> documents = new ArrayList<>();
                for (BatchPlan.BatchDocument document : cut.documents()) {
                    documents.add(new ImportPlan.Planned(document.index(), document.dossierCode(), document.pages(),
                            numbering.next(DossierCodes.safeDirectoryName(document.dossierCode()))));
                }
                plan = new ImportPlan(batch.sha256(), input.toString(), pagesPerFile, unreadable, documents,
                        cut.unassignedPages(), cut.emptyDossiers());
                journal.append(plan.toJournal());
            }
            report.planned(input.toString(), plan);
            for (ImportPlan.Unreadable file : plan.unreadable()) {
                printFailed(file.file(), null, null, file.error());
            }
            if (!plan.unassignedPages().isEmpty()) {
                printFailed(input.toString(), null, BatchPlan.pageRanges(plan.unassignedPages()),
                        ImportReport.unassignedMessage(plan.unassignedPages()));
            }
            batches.add(new Planned(batch, plan));
        }
        return batches;
    }

    /** What the sheets of one file of a batch say, page by page, or why the file cannot be read. */
    private record FileMarkers(Path file, List<PageMarker> markers, String error) {
    }

    /**
     * The sheets of every file of a batch, in order, read on one thread a core (--threads): each file decoded
     * and its codes looked for on one thread, its pages let go as soon as they are read. Reading codes took
     * 0.37 s a page on one thread (ZXing, three attempts on every page without a code): about 17 minutes for a
     * batch of 2,200 pages before anything was digitized, 8.5 on 2 threads.
     */
    private List<FileMarkers> readMarkers(ScanBatch batch, ScanDecoder decoder, PageMarkerReader reader)
            throws IOException {
        ExecutorService readers = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<FileMarkers>> files = new ArrayList<>();
            for (Path file : batch.files()) {
                files.add(readers.submit(() -> {
                    try {
                        List<PageMarker> markers = new ArrayList<>();
                        try (Pages pages = decoder.open(file)) {
                            for (int number = 1; number <= pages.count(); number++) {
                                markers.add(reader.read(pages.page(number)));
                            }
                        }
                        return new FileMarkers(file, markers, null);
                    } catch (RejectedScanException e) {
                        return new FileMarkers(file, List.of(), e.getMessage());
                    }
                }));
            }
            List<FileMarkers> read = new ArrayList<>(files.size());
            for (Future<FileMarkers> file : files) {
                read.add(file.get());
            }
            return read;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading the cover sheets", e);
        } catch (ExecutionException e) {
            throw new IOException("cannot read the cover sheets: " + e.getCause().getMessage(), e.getCause());
        } finally {
            readers.shutdownNow();
        }
    }

    /**
     * Second pass: digitize every document not finished before; false when stopped by --max-pages. Documents a
     * crashed process of this run (journal entries from {@code runStart} on) already did or failed count as
     * done or failed without being printed again; documents in flight at {@value CrashRestarts#CRASHES_PER_DOCUMENT}
     * crashes fail.
     */
    private boolean digitize(Digitizer digitizer, List<Planned> batches, ImportJournal journal, ImportReport report,
                             ProgressLine bar, PrintStream out, int runStart) throws IOException {
        long total = 0;
        for (Planned planned : batches) {
            for (ImportPlan.Planned document : planned.plan().documents()) {
                if (finishedBefore(journal, planned.plan(), document).isEmpty()) {
                    total += document.pages().size();
                }
            }
        }
        ExecutorService documentsInFlight = Executors.newFixedThreadPool(Math.max(1, threads));
        Deque<Future<DocumentOutcome>> pending = new ArrayDeque<>();
        long started = 0;
        long[] done = {0};
        long totalPages = total;
        try {
            for (Planned planned : batches) {
                ImportPlan plan = planned.plan();
                for (ImportPlan.Planned document : plan.documents()) {
                    Map<String, Object> before = finishedBefore(journal, plan, document).orElse(null);
                    if (journal.concludedAt(plan.batch(), document.index()) >= runStart) {
                        // a crashed process of this run did it: counted, not printed again
                        if (before != null) {
                            report.done(document);
                            continue;
                        }
                        java.util.Optional<String> failure = journal.failure(plan.batch(), document.index());
                        if (failure.isPresent()) {
                            report.failed(plan.input(), document, failure.get());
                            continue;
                        }
                    }
                    int crashes = journal.crashes(plan.batch(), document.index());
                    if (crashes >= CrashRestarts.CRASHES_PER_DOCUMENT) {
                        complete(new DocumentOutcome(plan, document, null, "the digitizer process died (native crash)"
                                + " each of the " + crashes + " times it had this document in hand; not tried again"
                                + " in this run, its pages are unchanged in the batch"),
                                journal, report, bar, out, done, totalPages);
                        continue;
                    }
                    if (before != null) {
                        Map<String, Object> line = new LinkedHashMap<>(before);
                        line.put("skipped", true);
                        report.skipped(document);
                        if (json) {
                            out.println(mapper.writeValueAsString(line));
                        }
                        continue;
                    }
                    if (maxPages != null && started >= maxPages) {
                        drain(pending, journal, report, bar, out, done, totalPages, 0);
                        return false;
                    }
                    Pages pages = planned.batch().pages(document.pages(), plan.pagesPerFile());
                    started += pages.count();
                    journal.started(plan.batch(), document.index());
                    Scan source = planned.batch().asScan(document.dossierCode());
                    pending.add(documentsInFlight.submit(() -> digitizeDocument(digitizer, source, plan, document, pages)));
                    drain(pending, journal, report, bar, out, done, totalPages, Math.max(1, threads) - 1);
                }
            }
            drain(pending, journal, report, bar, out, done, totalPages, 0);
            return true;
        } finally {
            documentsInFlight.shutdownNow();
        }
    }

    /** Completes the oldest documents, in order, until at most {@code inFlight} are left running. */
    private void drain(Deque<Future<DocumentOutcome>> pending, ImportJournal journal, ImportReport report,
                       ProgressLine bar, PrintStream out, long[] done, long total, int inFlight) throws IOException {
        while (pending.size() > inFlight) {
            complete(get(pending.poll()), journal, report, bar, out, done, total);
        }
    }

    /** The JSON line of a document an earlier run finished, if its PDF is still there unchanged. */
    private java.util.Optional<Map<String, Object>> finishedBefore(ImportJournal journal, ImportPlan plan,
                                                                   ImportPlan.Planned document) {
        return journal.finished(plan.batch(), document.index()).filter(line -> {
            Path pdf = outputDir.resolve(document.output());
            try {
                return Files.isRegularFile(pdf) && Scan.sha256(pdf).equals(line.get("pdfSha256"));
            } catch (IOException e) {
                return false;
            }
        });
    }

    /** The outcome of one document, for the journal, the report and stdout. */
    private record DocumentOutcome(ImportPlan plan, ImportPlan.Planned document, DigitizedDocument result, String error) {
    }

    private DocumentOutcome digitizeDocument(Digitizer digitizer, Scan source, ImportPlan plan,
                                             ImportPlan.Planned document, Pages batchPages) {
        Path target = outputDir.resolve(document.output());
        Path partial = target.resolveSibling("." + target.getFileName() + ".part");
        try (Pages pages = batchPages) {
            Files.createDirectories(target.getParent());
            DigitizedDocument result = digitizer.digitizePages(source, pages, partial);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return new DocumentOutcome(plan, document, result, null);
        } catch (RejectedScanException e) {
            return new DocumentOutcome(plan, document, null, e.getMessage());
        } catch (IOException e) {
            return new DocumentOutcome(plan, document, null, "cannot write " + target + ": " + e.getMessage());
        } catch (RuntimeException e) {
            return new DocumentOutcome(plan, document, null, "unexpected error: " + e);
        }
    }

    private void complete(DocumentOutcome outcome, ImportJournal journal, ImportReport report, ProgressLine bar,
                          PrintStream out, long[] done, long total) throws IOException {
        ImportPlan.Planned document = outcome.document();
        String pageRange = BatchPlan.pageRanges(document.pages());
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("batch", outcome.plan().batch());
        entry.put("document", document.index());
        if (outcome.error() == null) {
            Map<String, Object> line = new LinkedHashMap<>(DocumentJson.ok(outcome.plan().input(), outcome.result()));
            line.put("output", outputDir.resolve(document.output()).toString());
            line.put("dossierCode", document.dossierCode());
            line.put("document", document.index());
            line.put("inputPages", pageRange);
            entry.put("event", "done");
            entry.put("json", line);
            journal.append(entry);
            report.done(document);
            if (json) {
                out.println(mapper.writeValueAsString(line));
            } else {
                bar.finish();
                out.printf("xong    %s (trang %s) -> %s (hồ sơ %s, %d trang, loại %s)%n", outcome.plan().input(), pageRange,
                        outputDir.resolve(document.output()), document.dossierCode(), document.pages().size(),
                        outcome.result().document().type().code());
            }
        } else {
            entry.put("event", "failed");
            entry.put("error", outcome.error());
            journal.append(entry);
            report.failed(outcome.plan().input(), document, outcome.error());
            printFailed(outcome.plan().input(), document.dossierCode(), pageRange, outcome.error());
        }
        done[0] += document.pages().size();
        bar.show("Số hóa", done[0], total);
    }

    private void printFailed(String input, String dossierCode, String pageRange, String error) throws IOException {
        if (json) {
            PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
            Map<String, Object> line = new LinkedHashMap<>(DocumentJson.failed(input, error));
            line.put("dossierCode", dossierCode);
            line.put("inputPages", pageRange);
            out.println(mapper.writeValueAsString(line));
        }
    }

    private static DocumentOutcome get(Future<DocumentOutcome> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** PDFs a killed run left half-written (.n.pdf.part) are removed; their documents are done again. */
    private static void removeUnfinishedOutputs(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir, 2)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".pdf.part")).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
