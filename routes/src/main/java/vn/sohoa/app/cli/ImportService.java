package vn.sohoa.app.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import vn.sohoa.app.intake.BatchPlan;
import vn.sohoa.app.intake.DossierCodes;
import vn.sohoa.app.intake.PageMarkerReader;
import vn.sohoa.app.publish.DocumentJson;
import vn.sohoa.pipeline.DigitizedDocument;
import vn.sohoa.pipeline.Digitizer;
import vn.sohoa.pipeline.DigitizerSettings;
import vn.sohoa.pipeline.DurableFiles;
import vn.sohoa.pipeline.RejectedScanException;
import vn.sohoa.pipeline.Scan;
import vn.sohoa.pipeline.intake.IntakeLimits;
import vn.sohoa.pipeline.intake.Pages;
import vn.sohoa.pipeline.intake.ScanDecoder;
import vn.sohoa.scanner.coversheet.BatchSplitter;
import vn.sohoa.scanner.coversheet.PageMarker;

/**
 * One backlog import: batches cut by cover and separator sheets into OUTPUT/&lt;dossier&gt;/&lt;n&gt;.pdf, with
 * {@link ImportJournal} remembering how each batch was cut and which documents are finished, so that running
 * it again after an interruption does only what is left. Each document's outcome and the progress go to an
 * {@link ImportListener}. With restarts, it digitizes in a child JVM started again after a native crash
 * ({@link CrashRestarts}). {@code sohoa import} and the archivist's web page both run imports through it.
 */
public final class ImportService {

    /** Backlog batches are long: more pages per file than a desk scan, same per-page limits. */
    static final IntakeLimits LIMITS = new IntakeLimits(2L << 30, 5000, IntakeLimits.DEFAULT.maxPixelsPerPage());
    public static final int ALL_DONE = 0;
    public static final int SOMETHING_FAILED = 1;
    public static final int STOPPED_EARLY = 3;
    static final String REPORT_FILE = "import-report.txt";

    /**
     * What to import and how.
     *
     * @param outputDir the output and journal folder
     * @param inputs multi-page files or folders of pages
     * @param threads OCR threads, one Tesseract engine each
     * @param blankSeparates whether a blank page also starts a new document
     * @param maxPages start no new document once this many pages were digitized in this run, or null
     * @param settings the digitizer's settings; a child JVM that digitizes signs alike
     * @param restarts how many times a child JVM that digitizes is started again after a native crash; 0:
     *        digitize in this JVM
     * @param childOptions further {@code sohoa import} options for the child (its progress bar)
     * @param runStart in the child of {@link CrashRestarts}: where the run's entries start in the journal
     */
    public record Request(Path outputDir, List<Path> inputs, int threads, boolean blankSeparates, Integer maxPages,
                          DigitizerSettings settings, int restarts, List<String> childOptions, Integer runStart) {

        public Request {
            inputs = List.copyOf(inputs);
            childOptions = List.copyOf(childOptions);
        }
    }

    /** How the import ended: the exit status of {@code sohoa import}, and the report, or null when none was written. */
    public record Result(int exitCode, String report) {
    }

    private final Request request;
    private final ImportListener listener;

    public ImportService(Request request, ImportListener listener) {
        this.request = request;
        this.listener = listener;
    }

    /** Runs the import to its end: every document done or failed, or stopped by maxPages. */
    public Result run() throws IOException, InterruptedException {
        Path outputDir = request.outputDir();
        Files.createDirectories(outputDir);
        int exitCode = request.runStart() == null && request.restarts() > 0
                ? new CrashRestarts(request, listener).run()
                : digitizeHere();
        Path report = outputDir.resolve(REPORT_FILE);
        return new Result(exitCode, Files.exists(report) ? Files.readString(report, StandardCharsets.UTF_8) : null);
    }

    private int digitizeHere() throws IOException {
        Path outputDir = request.outputDir();
        removeUnfinishedOutputs(outputDir);
        Files.deleteIfExists(outputDir.resolve(REPORT_FILE));
        ImportJournal journal = ImportJournal.open(outputDir);
        ImportReport report = new ImportReport();
        try (Digitizer digitizer = new Digitizer(request.settings())) {
            List<Planned> batches = plan(journal, report);
            boolean complete = digitize(digitizer, batches, journal, report,
                    request.runStart() == null ? journal.size() : request.runStart());
            Files.writeString(outputDir.resolve(REPORT_FILE), report.text(outputDir), StandardCharsets.UTF_8);
            return !complete ? STOPPED_EARLY : report.allOk() ? ALL_DONE : SOMETHING_FAILED;
        }
    }

    /** A batch opened and cut, ready to digitize. */
    private record Planned(ScanBatch batch, ImportPlan plan) {
    }

    /** First pass: read the sheets of every batch (or take the cut from the journal) and name the outputs. */
    private List<Planned> plan(ImportJournal journal, ImportReport report) throws IOException {
        ScanDecoder decoder = new ScanDecoder(LIMITS);
        OutputNumbering numbering = new OutputNumbering(request.outputDir(), journal.plannedOutputs());
        PageMarkerReader reader = PageMarkerReader.standard();
        BatchSplitter splitter = new BatchSplitter(request.blankSeparates());
        List<Planned> batches = new ArrayList<>();
        long pagesRead = 0;
        for (Path input : request.inputs()) {
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
                    listener.progress("Đọc tờ bìa", pagesRead, pagesRead);
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
        ExecutorService readers = Executors.newFixedThreadPool(Math.max(1, request.threads()));
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
                             int runStart) throws IOException {
        long total = 0;
        for (Planned planned : batches) {
            for (ImportPlan.Planned document : planned.plan().documents()) {
                if (finishedBefore(journal, planned.plan(), document).isEmpty()) {
                    total += document.pages().size();
                }
            }
        }
        ExecutorService documentsInFlight = Executors.newFixedThreadPool(Math.max(1, request.threads()));
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
                        Optional<String> failure = journal.failure(plan.batch(), document.index());
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
                                journal, report, done, totalPages);
                        continue;
                    }
                    if (before != null) {
                        Map<String, Object> line = new LinkedHashMap<>(before);
                        line.put("skipped", true);
                        report.skipped(document);
                        listener.document(line);
                        continue;
                    }
                    if (request.maxPages() != null && started >= request.maxPages()) {
                        drain(pending, journal, report, done, totalPages, 0);
                        return false;
                    }
                    Pages pages = planned.batch().pages(document.pages(), plan.pagesPerFile());
                    started += pages.count();
                    journal.started(plan.batch(), document.index());
                    Scan source = planned.batch().asScan(document.dossierCode());
                    pending.add(documentsInFlight.submit(() -> digitizeDocument(digitizer, source, plan, document, pages)));
                    drain(pending, journal, report, done, totalPages, Math.max(1, request.threads()) - 1);
                }
            }
            drain(pending, journal, report, done, totalPages, 0);
            return true;
        } finally {
            documentsInFlight.shutdownNow();
        }
    }

    /** Completes the oldest documents, in order, until at most {@code inFlight} are left running. */
    private void drain(Deque<Future<DocumentOutcome>> pending, ImportJournal journal, ImportReport report,
                       long[] done, long total, int inFlight) throws IOException {
        while (pending.size() > inFlight) {
            complete(Outcomes.await(pending.poll()), journal, report, done, total);
        }
    }

    /** The JSON line of a document an earlier run finished, if its PDF is still there unchanged. */
    private Optional<Map<String, Object>> finishedBefore(ImportJournal journal, ImportPlan plan,
                                                                   ImportPlan.Planned document) {
        return journal.finished(plan.batch(), document.index()).filter(line -> {
            Path pdf = request.outputDir().resolve(document.output());
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
        Path target = request.outputDir().resolve(document.output());
        Path partial = target.resolveSibling("." + target.getFileName() + ".part");
        try (Pages pages = batchPages) {
            Files.createDirectories(target.getParent());
            DigitizedDocument result = digitizer.digitizePages(source, pages, partial);
            // on disk with its folder before the journal says done
            DurableFiles.moveIntoPlace(partial, target);
            return new DocumentOutcome(plan, document, result, null);
        } catch (RejectedScanException e) {
            return new DocumentOutcome(plan, document, null, e.getMessage());
        } catch (IOException e) {
            return new DocumentOutcome(plan, document, null, "cannot write " + target + ": " + e.getMessage());
        } catch (RuntimeException e) {
            return new DocumentOutcome(plan, document, null, "unexpected error: " + e);
        }
    }

    private void complete(DocumentOutcome outcome, ImportJournal journal, ImportReport report, long[] done, long total)
            throws IOException {
        ImportPlan.Planned document = outcome.document();
        String pageRange = BatchPlan.pageRanges(document.pages());
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("batch", outcome.plan().batch());
        entry.put("document", document.index());
        if (outcome.error() == null) {
            Map<String, Object> line = new LinkedHashMap<>(DocumentJson.ok(outcome.plan().input(), outcome.result()));
            line.put("output", request.outputDir().resolve(document.output()).toString());
            line.put("dossierCode", document.dossierCode());
            line.put("document", document.index());
            line.put("inputPages", pageRange);
            entry.put("event", "done");
            entry.put("json", line);
            journal.append(entry);
            report.done(document);
            listener.document(line);
        } else {
            entry.put("event", "failed");
            entry.put("error", outcome.error());
            journal.append(entry);
            report.failed(outcome.plan().input(), document, outcome.error());
            printFailed(outcome.plan().input(), document.dossierCode(), pageRange, outcome.error());
        }
        done[0] += document.pages().size();
        listener.progress("Số hóa", done[0], total);
    }

    private void printFailed(String input, String dossierCode, String pageRange, String error) {
        Map<String, Object> line = new LinkedHashMap<>(DocumentJson.failed(input, error));
        line.put("dossierCode", dossierCode);
        line.put("inputPages", pageRange);
        listener.document(line);
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
