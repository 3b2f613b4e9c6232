package vn.sohoa.app.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import vn.sohoa.app.config.SohoaProperties;
import vn.sohoa.app.ops.IntakeMetrics;
import vn.sohoa.app.records.OriginalStore;
import vn.sohoa.app.records.RecordStore;
import vn.sohoa.pipeline.DigitizedDocument;
import vn.sohoa.pipeline.Digitizer;
import vn.sohoa.pipeline.RejectedScanException;
import vn.sohoa.pipeline.Scan;

/**
 * What happens to one file dropped in inbox/&lt;dossier-code&gt;/: its original is stored, it is digitized
 * unless the same bytes are already recorded in that dossier, and the document is recorded with its
 * results message. Throws {@link RejectedScanException} for a file to quarantine.
 */
@Component
public class InboxScanProcessor {

    private static final Logger log = LoggerFactory.getLogger(InboxScanProcessor.class);

    private final Digitizer digitizer;
    private final RecordStore records;
    private final OriginalStore originals;
    private final Path pdfDir;
    private final IntakeMetrics metrics;

    public InboxScanProcessor(Digitizer digitizer, RecordStore records, SohoaProperties properties,
                              IntakeMetrics metrics) {
        this.metrics = metrics;
        this.digitizer = digitizer;
        this.records = records;
        this.originals = new OriginalStore(properties.originalsDir());
        this.pdfDir = properties.pdfDir();
    }

    /** The outcome: the document recorded (new or already there). */
    public record Outcome(UUID documentId, boolean duplicate) {
    }

    public Outcome process(Path file, String dossierCode) throws RejectedScanException, IOException {
        MDC.put("dossier", dossierCode);
        try {
            Scan scan = Scan.of(file, dossierCode);
            Path original = originals.store(scan);
            Optional<UUID> existing = records.findDocument(dossierCode, scan.sha256());
            if (existing.isPresent()) {
                log.info("{} is already document {} of dossier {}", scan.name(), existing.get(), dossierCode);
                return new Outcome(existing.get(), true);
            }
            Path dossierPdfDir = pdfDir.resolve(DossierCodes.safeDirectoryName(dossierCode));
            Files.createDirectories(dossierPdfDir);
            Path pdf = dossierPdfDir.resolve(scan.sha256().substring(0, 16) + ".pdf");
            long started = System.nanoTime();
            DigitizedDocument result = digitizer.digitize(scan, pdf);
            UUID id = records.record(dossierCode, result, original.toAbsolutePath().toString());
            metrics.recorded(result);
            log.info("{}: {} pages, type {}, recorded as document {} in {} ms", scan.name(), result.pageCount(),
                    result.document().type().code(), id, (System.nanoTime() - started) / 1_000_000);
            return new Outcome(id, false);
        } finally {
            MDC.remove("dossier");
        }
    }

    /** The dossier code is the first folder under the inbox; a file directly in the inbox has none. */
    public static Optional<String> dossierFolderOf(String relativePath) {
        String normalized = relativePath.replace('\\', '/');
        int slash = normalized.indexOf('/');
        return slash <= 0 ? Optional.empty() : Optional.of(normalized.substring(0, slash));
    }
}
