package vn.sohoa.app.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.sohoa.app.config.SohoaProperties;
import vn.sohoa.app.ops.IntakeMetrics;
import vn.sohoa.app.records.OriginalStore;
import vn.sohoa.app.records.RecordStore;
import vn.sohoa.pipeline.DigitizedDocument;
import vn.sohoa.pipeline.Digitizer;
import vn.sohoa.pipeline.RejectedScanException;
import vn.sohoa.pipeline.RejectedScanException.Reason;
import vn.sohoa.pipeline.Scan;
import vn.sohoa.pipeline.intake.PageImage;
import vn.sohoa.pipeline.intake.ScanDecoder;
import vn.sohoa.scanner.coversheet.BatchSplitter;
import vn.sohoa.scanner.coversheet.PageMarker;

/**
 * A file that arrived without a dossier folder: its pages are cut by cover sheets (or receipt codes) and
 * separator sheets into documents of dossiers, and each document is digitized and recorded.
 *
 * <p>The batch is stored in the originals as it came. Each document's "original" is a small manifest
 * ({@code sohoa.batch-part.v1}: the batch's SHA-256 and stored path and the page numbers taken from it),
 * stored beside it, so that the records keep one original per document and the same batch received
 * twice gives the same manifests and so the same documents, not new ones.
 */
@Component
public class BatchScanProcessor {

    private static final Logger log = LoggerFactory.getLogger(BatchScanProcessor.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Digitizer digitizer;
    private final RecordStore records;
    private final OriginalStore originals;
    private final Path pdfDir;
    private final ScanDecoder decoder;
    private final PageMarkerReader markers = PageMarkerReader.standard();
    private final BatchSplitter splitter;
    private final IntakeMetrics metrics;

    public BatchScanProcessor(Digitizer digitizer, RecordStore records, SohoaProperties properties,
                              CaptureProperties capture, IntakeMetrics metrics) {
        this.metrics = metrics;
        this.digitizer = digitizer;
        this.records = records;
        this.originals = new OriginalStore(properties.originalsDir());
        this.pdfDir = properties.pdfDir();
        this.decoder = new ScanDecoder(digitizer.settings().limits());
        this.splitter = new BatchSplitter(capture.blankPageSeparates());
    }

    /** What became of a batch: documents recorded (new or already there) and pages left without a dossier. */
    public record Outcome(List<UUID> documents, int duplicates, List<Integer> unassignedPages) {
    }

    public Outcome process(Path file) throws RejectedScanException, IOException {
        Scan batch = Scan.of(file);
        Path storedBatch = originals.store(batch);
        List<PageImage> pages = decoder.decode(file);
        List<PageMarker> marks = pages.stream().map(markers::read).toList();
        BatchPlan plan = BatchPlan.of(marks, splitter);
        if (plan.documents().isEmpty()) {
            throw new RejectedScanException(Reason.NO_DOSSIER, plan.emptyDossiers().isEmpty()
                    ? "không biết tệp thuộc hồ sơ nào: không có thư mục hồ sơ và không có tờ bìa hồ sơ (no dossier folder"
                    + " and no cover sheet): đặt tệp vào inbox/<mã hồ sơ>/, hoặc quét tờ bìa (sohoa cover-sheet) trước các trang"
                    : "tờ bìa hồ sơ " + String.join(", ", plan.emptyDossiers()) + " không có trang nào theo sau"
                    + " (cover sheet with no pages): quét lại hồ sơ cùng tờ bìa");
        }
        List<UUID> documents = new ArrayList<>();
        int duplicates = 0;
        Path work = Files.createTempDirectory("sohoa-batch-");
        try {
            for (BatchPlan.BatchDocument document : plan.documents()) {
                Scan part = manifest(work, batch, storedBatch, document);
                Path storedPart = originals.store(part);
                Optional<UUID> existing = records.findDocument(document.dossierCode(), part.sha256());
                if (existing.isPresent()) {
                    documents.add(existing.get());
                    duplicates++;
                    continue;
                }
                List<PageImage> own = new ArrayList<>();
                for (int position : document.pages()) {
                    PageImage page = pages.get(position);
                    own.add(page.renumbered(own.size() + 1));
                }
                Path dossierPdfDir = pdfDir.resolve(DossierCodes.safeDirectoryName(document.dossierCode()));
                Files.createDirectories(dossierPdfDir);
                DigitizedDocument result = digitizer.digitizePages(part, own,
                        dossierPdfDir.resolve(part.sha256().substring(0, 16) + ".pdf"));
                UUID id = records.record(document.dossierCode(), result, storedPart.toAbsolutePath().toString());
                metrics.recorded(result);
                log.info("{} pages {} -> document {} of dossier {}", batch.name(), BatchPlan.pageRanges(document.pages()),
                        id, document.dossierCode());
                documents.add(id);
            }
        } finally {
            try (var files = Files.list(work)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(work);
        }
        return new Outcome(documents, duplicates, plan.unassignedPages());
    }

    private static Scan manifest(Path work, Scan batch, Path storedBatch, BatchPlan.BatchDocument document)
            throws IOException {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("schema", "sohoa.batch-part.v1");
        manifest.put("batchSha256", batch.sha256());
        manifest.put("batchOriginal", storedBatch.getFileName().toString());
        manifest.put("dossierCode", document.dossierCode());
        manifest.put("document", document.index());
        manifest.put("pages", document.pages().stream().map(p -> p + 1).toList());
        // the content names no file name, so the same bytes under another name give the same manifest
        Path file = work.resolve(batch.name() + ".tai-lieu-" + document.index() + ".json");
        Files.write(file, JSON.writeValueAsBytes(manifest));
        return Scan.of(file, document.dossierCode());
    }
}
