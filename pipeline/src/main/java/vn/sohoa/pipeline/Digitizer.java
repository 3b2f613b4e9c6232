package vn.sohoa.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import vn.sohoa.pipeline.RejectedScanException.Reason;
import vn.sohoa.pipeline.classify.DocumentType;
import vn.sohoa.pipeline.classify.DocumentClassifier;
import vn.sohoa.pipeline.extract.Field;
import vn.sohoa.pipeline.extract.DocumentFieldExtractor;
import vn.sohoa.pipeline.extract.ReviewPolicy;
import vn.sohoa.pipeline.intake.PageImage;
import vn.sohoa.pipeline.intake.Pages;
import vn.sohoa.pipeline.intake.ScanDecoder;
import vn.sohoa.pipeline.intake.ScanOutline;
import vn.sohoa.pipeline.ocr.OcrPage;
import vn.sohoa.pipeline.ocr.OcrTimeoutException;
import vn.sohoa.pipeline.ocr.OcrWorkers;
import vn.sohoa.pipeline.pdf.ArchivalMetadata;
import vn.sohoa.pipeline.pdf.CodeNotation;
import vn.sohoa.pipeline.pdf.PageImageEncoder;
import vn.sohoa.pipeline.pdf.PdfMetadata;
import vn.sohoa.pipeline.pdf.PdfPage;
import vn.sohoa.pipeline.pdf.SearchablePdfWriter;

/**
 * The one place that chains the stages for a scan: intake, then cleanup and OCR of every page in parallel
 * (one Tesseract engine per worker thread), then classification, extraction and the archive PDF. The CLI,
 * the Camel routes and the workers all call this.
 */
public final class Digitizer implements AutoCloseable {

    private final DigitizerSettings settings;
    private final ScanDecoder decoder;
    private final OcrWorkers workers;
    private final DocumentClassifier classifier = new DocumentClassifier();
    private final DocumentFieldExtractor extractor = new DocumentFieldExtractor();
    private final ReviewPolicy review;
    private final PageReader reader;
    private final SearchablePdfWriter pdfWriter;
    private final Optional<vn.sohoa.pipeline.pdf.sign.PdfSigner> signer;

    public Digitizer(DigitizerSettings settings) {
        this.settings = settings;
        this.review = ReviewPolicy.defaults(settings.reviewThreshold());
        this.reader = new PageReader(settings);
        this.decoder = new ScanDecoder(settings.limits());
        this.workers = new OcrWorkers(settings.ocr(), settings.ocrThreads());
        this.pdfWriter = new SearchablePdfWriter(new PageImageEncoder(settings.jpegQuality()));
        this.signer = settings.signing().map(Digitizer::signer);
    }

    public DigitizerSettings settings() {
        return settings;
    }

    /**
     * Digitizes one scan into {@code pdfTarget}; the scan's file is only read, each page decoded once and let go
     * once its page of the PDF is written.
     */
    public DigitizedDocument digitize(Scan scan, Path pdfTarget) throws RejectedScanException {
        try (Pages pages = decoder.open(scan.file())) {
            return digitizePages(scan, pages, pdfTarget);
        }
    }

    /**
     * Digitizes already-decoded pages as one document into {@code pdfTarget}, for edges that cut a scanned
     * batch into documents first (cover and separator sheets). {@code scan} is the scan the pages came
     * from, recorded in the PDF's metadata; its file is not read. The pages are numbered as given.
     */
    public DigitizedDocument digitizePages(Scan scan, List<PageImage> pages, Path pdfTarget)
            throws RejectedScanException {
        return digitizePages(scan, Pages.of(pages), pdfTarget);
    }

    /**
     * Digitizes {@code pages} as one document into {@code pdfTarget}, in one pass: each page is decoded once,
     * cleaned and read on an OCR engine (a few pages at a time, one more than there are engines, so none waits),
     * and added to the PDF in page order, after which its pixels are let go. {@code scan} is the scan the pages
     * came from, recorded in the PDF's metadata.
     */
    public DigitizedDocument digitizePages(Scan scan, Pages pages, Path pdfTarget) throws RejectedScanException {
        if (pages.count() == 0) {
            throw new RejectedScanException(Reason.NO_PAGES, "no pages to digitize for " + scan.name());
        }
        int window = Math.max(1, settings.ocrThreads()) + 1;
        Deque<Pending> inFlight = new ArrayDeque<>();
        int[] next = {1};
        try {
            return write(scan, pages.count(), () -> {
                while (inFlight.size() < window && next[0] <= pages.count()) {
                    PageImage page = pages.page(next[0]++);
                    inFlight.add(new Pending(page, workers.submit(engine -> reader.read(engine, page))));
                }
                Pending oldest = inFlight.poll();
                return new ReadPage(oldest.page(), await(oldest.reading()));
            }, pdfTarget);
        } finally {
            inFlight.forEach(pending -> pending.reading().cancel(true));
        }
    }

    /** A page handed to an OCR engine, and its reading to come. */
    private record Pending(PageImage page, Future<PageReading> reading) {
    }

    /** A page with its reading, ready for its page of the PDF. */
    private record ReadPage(PageImage page, PageReading reading) {
    }

    /** The pages of a document in order, each with its reading, one at a time. */
    @FunctionalInterface
    private interface PageFeed {
        ReadPage next() throws RejectedScanException;
    }

    /** Intake: the scan's pages, within the limits, all at once. For small scans and tests. */
    public List<PageImage> decode(Scan scan) throws RejectedScanException {
        return decoder.decode(scan.file());
    }

    /**
     * A scanned file's pages, each decoded when asked for and held to the limits as {@link #decode} does: for a
     * stage that goes through the pages of a file, or some of them.
     */
    public Pages open(Path file) throws RejectedScanException {
        return decoder.open(file);
    }

    /** Pages decoded so far by this digitizer's intake, over all scans. */
    public long pagesDecoded() {
        return decoder.pagesDecoded();
    }

    /**
     * Intake's check before it acknowledges a file: the format and page count, held to the limits, with no
     * pixels decoded (so that an intake that does not digitize stays light).
     */
    public ScanOutline outline(Scan scan) throws RejectedScanException {
        return decoder.outline(scan.file());
    }

    /**
     * The pages numbered {@code numbers} (1-based) of a scanned file, decoded as {@link #decode} does and
     * numbered as in the file.
     */
    public List<PageImage> decodePages(Path file, List<Integer> numbers) throws RejectedScanException {
        return decoder.decodePages(file, numbers);
    }

    /** Cleanup and OCR of one page on one of the OCR engines, waiting for it. */
    public PageReading read(PageImage page) throws RejectedScanException {
        return read(List.of(page)).get(0);
    }

    /** Cleanup and OCR of the pages in parallel, one OCR engine per thread; the readings in page order. */
    public List<PageReading> read(List<PageImage> pages) throws RejectedScanException {
        if (pages.isEmpty()) {
            throw new RejectedScanException(Reason.NO_PAGES, "no pages to digitize");
        }
        List<Future<PageReading>> futures = new ArrayList<>(pages.size());
        for (PageImage page : pages) {
            futures.add(workers.submit(engine -> reader.read(engine, page)));
        }
        List<PageReading> readings = new ArrayList<>(pages.size());
        try {
            for (Future<PageReading> future : futures) {
                readings.add(await(future));
            }
            return readings;
        } finally {
            futures.forEach(f -> f.cancel(true));
        }
    }

    /** The reading of a page, or why it could not be read. */
    private static PageReading await(Future<PageReading> reading) throws RejectedScanException {
        try {
            return reading.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RejectedScanException(Reason.OCR_FAILED, "interrupted while reading the pages", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof OcrTimeoutException timeout) {
                throw new RejectedScanException(Reason.OCR_TIMEOUT, timeout.getMessage(), timeout);
            }
            throw new RejectedScanException(Reason.OCR_FAILED, "a page could not be read: " + e.getCause().getMessage(),
                    e.getCause());
        }
    }

    /**
     * Classification, extraction and the archive PDF of one document from its pages' readings: the last
     * stage, which needs the pages' original images (for the PDF) and not the OCR engines. {@code readings}
     * are those of {@code pages}, in the same order.
     */
    public DigitizedDocument assemble(Scan scan, List<PageImage> pages, List<PageReading> readings, Path pdfTarget)
            throws RejectedScanException {
        return assemble(scan, Pages.of(pages), readings, pdfTarget);
    }

    /**
     * As {@link #assemble(Scan, List, List, Path)}, each page decoded when its page of the PDF is written and let
     * go after: for a document stage that has the readings and the original file, never all its pixels.
     */
    public DigitizedDocument assemble(Scan scan, Pages pages, List<PageReading> readings, Path pdfTarget)
            throws RejectedScanException {
        if (pages.count() == 0) {
            throw new RejectedScanException(Reason.NO_PAGES, "no pages to digitize for " + scan.name());
        }
        if (readings.size() != pages.count()) {
            throw new IllegalArgumentException(readings.size() + " readings for " + pages.count() + " pages");
        }
        int[] next = {0};
        return write(scan, pages.count(), () -> {
            int i = next[0]++;
            return new ReadPage(pages.page(i + 1), readings.get(i));
        }, pdfTarget);
    }

    /**
     * The archive PDF of {@code count} pages taken one at a time from {@code feed}, then the document's
     * classification and fields from all their readings, which also name the PDF in its metadata.
     */
    private DigitizedDocument write(Scan scan, int count, PageFeed feed, Path pdfTarget) throws RejectedScanException {
        List<PageReading> readings = new ArrayList<>(count);
        try (SearchablePdfWriter.Assembly pdf = pdfWriter.start()) {
            for (int i = 0; i < count; i++) {
                ReadPage read = feed.next();
                PageReading reading = read.reading();
                pdf.add(new PdfPage(read.page().image(), reading.dpi(), reading.geometry(), reading.ocr(),
                        read.page().source()));
                readings.add(reading);
            }
            List<OcrPage> ocrPages = readings.stream().map(PageReading::ocr).toList();
            DocumentType type = classifier.classify(ocrPages);
            Map<String, Field> fields = new LinkedHashMap<>(extractor.extract(type.code(), ocrPages));
            boolean needsReview = review.needsReview(type, fields);
            Document document = new Document(type, fields, ocrPages, needsReview);
            if (signer.isPresent()) {
                Path unsigned = pdfTarget.resolveSibling("." + pdfTarget.getFileName() + ".unsigned");
                try {
                    pdf.finish(metadata(scan, document), unsigned);
                    signer.get().sign(unsigned, pdfTarget);
                } finally {
                    Files.deleteIfExists(unsigned);
                }
            } else {
                pdf.finish(metadata(scan, document), pdfTarget);
            }
            return new DigitizedDocument(scan, document, readings.stream().map(PageReading::note).toList(),
                    pdfTarget, Scan.sha256(pdfTarget), Files.size(pdfTarget));
        } catch (IOException | RuntimeException e) {
            throw new RejectedScanException(Reason.PDF_WRITE_FAILED, "cannot write the PDF " + pdfTarget + ": "
                    + e.getMessage(), e);
        }
    }

    /** The office's key is read once, at start, so a wrong path or password stops SoHoa before any work. */
    private static vn.sohoa.pipeline.pdf.sign.PdfSigner signer(vn.sohoa.pipeline.pdf.sign.SigningSettings signing) {
        if (!Files.isRegularFile(signing.keystore())) {
            throw new IllegalArgumentException("the signing keystore " + signing.keystore() + " does not exist");
        }
        try {
            return new vn.sohoa.pipeline.pdf.sign.PdfSigner(signing);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot sign with " + signing.keystore() + ": " + e.getMessage(), e);
        }
    }

    private static PdfMetadata metadata(Scan scan, Document document) {
        Map<String, Field> fields = document.fields();
        Optional<String> code = value(fields, "so_ky_hieu");
        ArchivalMetadata archival = new ArchivalMetadata(
                code.map(n -> "Số " + n).orElse(scan.name()),
                value(fields, "co_quan_ban_hanh").orElse(null),
                null,
                code.flatMap(CodeNotation::parse).orElse(null),
                value(fields, "ngay_ban_hanh").flatMap(Digitizer::isoDate).orElse(null),
                value(fields, "trich_yeu").orElse(null),
                document.pages().size(),
                value(fields, "chuc_vu_nguoi_ky").orElse(null),
                value(fields, "nguoi_ky").orElse(null),
                document.type().code(),
                scan.dossierCode().orElse(null),
                scan.sha256(),
                scan.name());
        return new PdfMetadata(archival, OffsetDateTime.now());
    }

    private static Optional<String> value(Map<String, Field> fields, String name) {
        return Optional.ofNullable(fields.get(name)).map(Field::value).filter(v -> !v.isBlank());
    }

    private static Optional<LocalDate> isoDate(String value) {
        try {
            return Optional.of(LocalDate.parse(value));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        workers.close();
    }
}
