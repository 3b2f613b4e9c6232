package vn.sohoa.app.intake;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import vn.sohoa.app.config.SohoaProperties;
import vn.sohoa.app.records.Delivery;
import vn.sohoa.app.records.OriginalStore;
import vn.sohoa.app.work.JobSender;
import vn.sohoa.app.work.ScanJob;
import vn.sohoa.app.work.WorkSettings;
import vn.sohoa.pipeline.Digitizer;
import vn.sohoa.pipeline.RejectedScanException;
import vn.sohoa.pipeline.Scan;
import vn.sohoa.pipeline.intake.ScanOutline;

/**
 * The one door every capture route and upload goes through: the original is stored (written, forced to disk
 * and renamed into the content-addressed store) before anything else, checked against the limits without
 * decoding it, and queued as a scan job that the broker confirms. Only when this returns may the source be
 * acknowledged (the inbox file moved to done/, the FTP file to .done/, the mail marked seen); the workers
 * digitize it from the stored original. A file whose dossier is known (its folder, the mail's subject, the
 * upload's dossier) is one document of it; a file without is a batch, cut by its cover sheets on a worker.
 *
 * <p>Throws {@link RejectedScanException} for a file to quarantine now, and a
 * {@link vn.sohoa.app.work.JobNotQueuedException} (transient) when the broker did not take the job: the source
 * then keeps the file and tries again.
 */
@Component
public class ScanIntake {

    private static final Logger log = LoggerFactory.getLogger(ScanIntake.class);

    private final OriginalStore originals;
    private final Digitizer digitizer;
    private final JobSender sender;
    private final WorkSettings work;
    private final Path home;

    public ScanIntake(Digitizer digitizer, JobSender sender, WorkSettings work, SohoaProperties properties) {
        this.originals = new OriginalStore(properties.originalsDir());
        this.digitizer = digitizer;
        this.sender = sender;
        this.work = work;
        this.home = properties.home().toAbsolutePath();
    }

    /** A scan a capture source delivers: a submitted component, delivered by {@code system:<source>}. */
    public ScanJob accept(Path file, Optional<String> dossierCode, String source, CaptureAgency agency,
                          Path quarantinePath) throws RejectedScanException, IOException {
        return accept(file, dossierCode, source, agency, quarantinePath, Delivery.bySource(source));
    }

    /**
     * @param source where it came from: inbox, capture-folder, ftp, mail, upload
     * @param agency which dossiers the source may add to, checked by the worker before any page is read
     *        (DOSSIER_OF_ANOTHER_AGENCY, UNKNOWN_AGENCY) and again when it records each document; here, where
     *        PostgreSQL may be down, only the code's syntax is (INVALID_DOSSIER_CODE)
     * @param quarantinePath where a worker that rejects it later puts a copy with the reason, or null
     * @param delivery its role, component and deliverer, recorded with each of its documents
     */
    public ScanJob accept(Path file, Optional<String> dossierCode, String source, CaptureAgency agency,
                          Path quarantinePath, Delivery delivery) throws RejectedScanException, IOException {
        dossierCode.ifPresent(code -> MDC.put("dossier", code));
        try {
            if (dossierCode.isPresent()) {
                DossierAdmission.checkCode(dossierCode.get());
            }
            Scan scan = Scan.of(file, dossierCode.orElse(null));
            Path stored = originals.store(scan).toAbsolutePath();
            ScanOutline outline = digitizer.outline(scan);
            ScanJob job = new ScanJob(UUID.randomUUID(), dossierCode.orElse(null), home.relativize(stored).toString(),
                    scan.name(), scan.sha256(), scan.size(), outline.pages(), source,
                    quarantinePath == null ? null : quarantinePath.toAbsolutePath().toString(), Instant.now(), agency,
                    delivery);
            sender.send(job, work.scansQueue());
            log.info("{}: {} pages stored as {} and queued (scan {})", scan.name(), outline.pages(), stored.getFileName(),
                    job.scanId());
            return job;
        } finally {
            MDC.remove("dossier");
        }
    }
}
