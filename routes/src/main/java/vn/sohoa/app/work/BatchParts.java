package vn.sohoa.app.work;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.springframework.stereotype.Component;
import vn.sohoa.app.config.SohoaProperties;
import vn.sohoa.app.intake.BatchPlan;
import vn.sohoa.app.intake.CaptureProperties;
import vn.sohoa.app.intake.PageMarkerReader;
import vn.sohoa.app.records.OriginalStore;
import vn.sohoa.pipeline.Digitizer;
import vn.sohoa.pipeline.RejectedScanException;
import vn.sohoa.pipeline.RejectedScanException.Reason;
import vn.sohoa.pipeline.Scan;
import vn.sohoa.pipeline.intake.Pages;
import vn.sohoa.scanner.coversheet.BatchSplitter;
import vn.sohoa.scanner.coversheet.PageMarker;

/**
 * Plans a scan: a file whose dossier is known is one document of all its pages; a file without is a batch,
 * cut by its cover sheets (or receipt codes) and separator sheets into documents of dossiers.
 *
 * <p>A batch part's "original" is a small manifest ({@code sohoa.batch-part.v1}: the batch's SHA-256 and
 * stored name and the page numbers taken from it), stored in the originals beside the batch, so that the
 * records keep one original per document and the same batch received twice gives the same manifests and so
 * the same documents, not new ones.
 */
@Component
public class BatchParts {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Digitizer digitizer;
    private final OriginalStore originals;
    private final Path home;
    private final PageMarkerReader markers = PageMarkerReader.standard();
    private final BatchSplitter splitter;

    public BatchParts(Digitizer digitizer, SohoaProperties properties, CaptureProperties capture) {
        this.digitizer = digitizer;
        this.originals = new OriginalStore(properties.originalsDir());
        this.home = properties.home().toAbsolutePath();
        this.splitter = new BatchSplitter(capture.blankPageSeparates());
    }

    public ScanPlan plan(ScanJob scan) throws RejectedScanException, IOException {
        if (scan.dossierCode() != null) {
            return new ScanPlan(List.of(new PlannedDocument(scan.dossierCode(), scan.originalName(), scan.sha256(),
                    scan.size(), scan.originalPath(), scan.originalPath(),
                    IntStream.rangeClosed(1, scan.pages()).boxed().toList(), scan.source(), scan.quarantinePath(),
                    scan.agency(), scan.delivery())),
                    List.of());
        }
        Path batch = home.resolve(scan.originalPath());
        List<PageMarker> marks = new ArrayList<>();
        try (Pages pages = digitizer.open(batch)) {
            // one page's pixels at a time: a long batch is read for its sheets without holding it all
            for (int number = 1; number <= pages.count(); number++) {
                marks.add(markers.read(pages.page(number)));
            }
        }
        BatchPlan plan = BatchPlan.of(marks, splitter);
        if (plan.documents().isEmpty()) {
            throw new RejectedScanException(Reason.NO_DOSSIER, plan.emptyDossiers().isEmpty()
                    ? "không biết tệp thuộc hồ sơ nào: không có thư mục hồ sơ và không có tờ bìa hồ sơ (no dossier folder"
                    + " and no cover sheet): đặt tệp vào inbox/<mã hồ sơ>/, hoặc quét tờ bìa (sohoa cover-sheet) trước các trang"
                    : "tờ bìa hồ sơ " + String.join(", ", plan.emptyDossiers()) + " không có trang nào theo sau"
                    + " (cover sheet with no pages): quét lại hồ sơ cùng tờ bìa");
        }
        List<PlannedDocument> documents = new ArrayList<>();
        Path work = Files.createTempDirectory("sohoa-batch-");
        try {
            for (BatchPlan.BatchDocument document : plan.documents()) {
                Scan part = manifest(work, scan, batch, document);
                Path stored = originals.store(part);
                String quarantine = scan.quarantinePath() == null ? null : Path.of(scan.quarantinePath())
                        .resolveSibling("tai-lieu-" + document.index() + "-" + Path.of(scan.quarantinePath()).getFileName())
                        .toString();
                documents.add(new PlannedDocument(document.dossierCode(), part.name(), part.sha256(), part.size(),
                        home.relativize(stored.toAbsolutePath()).toString(), scan.originalPath(),
                        document.pages().stream().map(p -> p + 1).toList(), scan.source(), quarantine, scan.agency(),
                        scan.delivery()));
            }
        } finally {
            try (var files = Files.list(work)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(work);
        }
        return new ScanPlan(documents, plan.unassignedPages());
    }

    private static Scan manifest(Path work, ScanJob scan, Path storedBatch, BatchPlan.BatchDocument document)
            throws IOException {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("schema", "sohoa.batch-part.v1");
        manifest.put("batchSha256", scan.sha256());
        manifest.put("batchOriginal", storedBatch.getFileName().toString());
        manifest.put("dossierCode", document.dossierCode());
        manifest.put("document", document.index());
        manifest.put("pages", document.pages().stream().map(p -> p + 1).toList());
        // the content names no file name, so the same bytes under another name give the same manifest
        Path file = work.resolve(scan.originalName() + ".tai-lieu-" + document.index() + ".json");
        Files.write(file, JSON.writeValueAsBytes(manifest));
        return Scan.of(file, document.dossierCode());
    }
}
