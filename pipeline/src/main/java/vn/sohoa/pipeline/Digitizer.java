package vn.sohoa.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
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

    /** Digitizes one scan into {@code pdfTarget}; the scan's file is only read. */
    public DigitizedDocument digitize(Scan scan, Path pdfTarget) throws RejectedScanException {
        return digitizePages(scan, decode(scan), pdfTarget);
    }

    /**
     * Digitizes already-decoded pages as one document into {@code pdfTarget}, for edges that cut a scanned
     * batch into documents first (cover and separator sheets). {@code scan} is the scan the pages came
     * from, recorded in the PDF's metadata; its file is not read. The pages are numbered as given.
     */
    public DigitizedDocument digitizePages(Scan scan, List<PageImage> pages, Path pdfTarget)
            throws RejectedScanException {
        return assemble(scan, pages, read(pages), pdfTarget);
    }

    /** Intake: the scan's pages, within the limits. The first stage; the file is only read. */
    public List<PageImage> decode(Scan scan) throws RejectedScanException {
        return decoder.decode(scan.file());
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
     * numbered as in the file: for a worker that reads one page of a scan, or assembles a document from some
     * pages of a batch.
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
                readings.add(future.get());
            }
            return readings;
        } catch (InterruptedException e) {
            futures.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new RejectedScanException(Reason.OCR_FAILED, "interrupted while reading the pages", e);
        } catch (ExecutionException e) {
            futures.forEach(f -> f.cancel(true));
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
        if (pages.isEmpty()) {
            throw new RejectedScanException(Reason.NO_PAGES, "no pages to digitize for " + scan.name());
        }
        if (readings.size() != pages.size()) {
            throw new IllegalArgumentException(readings.size() + " readings for " + pages.size() + " pages");
        }
        List<OcrPage> ocrPages = readings.stream().map(PageReading::ocr).toList();
        DocumentType type = classifier.classify(ocrPages);
        Map<String, Field> fields = new LinkedHashMap<>(extractor.extract(type.code(), ocrPages));
        boolean needsReview = review.needsReview(type, fields);
        Document document = new Document(type, fields, ocrPages, needsReview);

        List<PdfPage> pdfPages = new ArrayList<>(pages.size());
        for (int i = 0; i < pages.size(); i++) {
            PageReading reading = readings.get(i);
            pdfPages.add(new PdfPage(pages.get(i).image(), reading.dpi(),
                    reading.geometry(), reading.ocr(), pages.get(i).source()));
        }
        try {
            if (signer.isPresent()) {
                Path unsigned = pdfTarget.resolveSibling("." + pdfTarget.getFileName() + ".unsigned");
                try {
                    pdfWriter.write(pdfPages, metadata(scan, document), unsigned);
                    signer.get().sign(unsigned, pdfTarget);
                } finally {
                    java.nio.file.Files.deleteIfExists(unsigned);
                }
            } else {
                pdfWriter.write(pdfPages, metadata(scan, document), pdfTarget);
            }
            return new DigitizedDocument(scan, document, readings.stream().map(PageReading::note).toList(),
                    pdfTarget, Scan.sha256(pdfTarget), java.nio.file.Files.size(pdfTarget));
        } catch (IOException | RuntimeException e) {
            throw new RejectedScanException(Reason.PDF_WRITE_FAILED, "cannot write the PDF " + pdfTarget + ": "
                    + e.getMessage(), e);
        }
    }

    /** The office's key is read once, at start, so a wrong path or password stops SoHoa before any work. */
    private static vn.sohoa.pipeline.pdf.sign.PdfSigner signer(vn.sohoa.pipeline.pdf.sign.SigningSettings signing) {
        if (!java.nio.file.Files.isRegularFile(signing.keystore())) {
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
