package vn.sohoa.app.work;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import vn.sohoa.app.config.SohoaProperties;
import vn.sohoa.app.intake.DossierCodes;
import vn.sohoa.app.ops.IntakeMetrics;
import vn.sohoa.app.records.RecordStore;
import vn.sohoa.pipeline.DigitizedDocument;
import vn.sohoa.pipeline.Digitizer;
import vn.sohoa.pipeline.PageReading;
import vn.sohoa.pipeline.RejectedScanException;
import vn.sohoa.pipeline.RejectedScanException.Reason;
import vn.sohoa.pipeline.Scan;
import vn.sohoa.pipeline.intake.Pages;

/**
 * The last stage, for a job of {@code sohoa.work.documents}: every page is read, so the document is classified,
 * its fields extracted and its PDF/A written from the original pages and their stored readings, then recorded
 * with its results message and marked recorded, in one transaction. Recording is idempotent on (dossier,
 * SHA-256), so a job that comes twice records one document; the outbox publisher announces it.
 */
@Component
public class DocumentStage {

    private static final Logger log = LoggerFactory.getLogger(DocumentStage.class);

    private final Digitizer digitizer;
    private final WorkStore work;
    private final RecordStore records;
    private final WorkSettings settings;
    private final TransientRetry retry;
    private final WorkRejections rejections;
    private final IntakeMetrics metrics;
    private final Path home;
    private final Path pdfDir;

    public DocumentStage(Digitizer digitizer, WorkStore work, RecordStore records, WorkSettings settings,
                         TransientRetry retry, WorkRejections rejections, IntakeMetrics metrics,
                         SohoaProperties properties) {
        this.digitizer = digitizer;
        this.work = work;
        this.records = records;
        this.settings = settings;
        this.retry = retry;
        this.rejections = rejections;
        this.metrics = metrics;
        this.home = properties.home().toAbsolutePath();
        this.pdfDir = properties.pdfDir().toAbsolutePath();
    }

    public void handle(DocumentJob job) throws Exception {
        UUID id = job.documentJob();
        Optional<WorkDocument> found = retry.call("looking up " + id, () -> work.document(id));
        if (found.isEmpty() || found.get().state() != WorkDocument.State.READING) {
            return;
        }
        WorkDocument document = found.get();
        PlannedDocument plan = document.plan();
        MDC.put("dossier", plan.dossierCode());
        try {
            if (!retry.call("checking " + id, () -> work.allRead(id))) {
                log.warn("document job {} came before all its pages were read; left to the last page's job", id);
                return;
            }
            Path source = home.resolve(plan.sourcePath());
            retry.run("finding the original of " + plan.originalName(), () -> OriginalMissingException.requireStored(source));
            int attempts = retry.call("starting " + plan.originalName(), () -> work.startDocument(id));
            if (attempts == 0) {
                return;
            }
            if (attempts > settings.deliveryLimit()) {
                rejections.reject(document, Reason.PDF_WRITE_FAILED.name(), "tài liệu đã được lập " + attempts
                        + " lần mà không xong (the document was taken " + attempts + " times and never recorded: the"
                        + " worker stopped or failed on it each time); xem nhật ký của dịch vụ");
                return;
            }
            Optional<UUID> recorded = retry.call("looking up " + plan.originalName(),
                    () -> records.findDocument(plan.dossierCode(), plan.originalSha256()));
            if (recorded.isPresent()) {
                retry.run("marking " + id + " recorded", () -> work.recordedAlready(id, recorded.get()));
                return;
            }
            List<PageReading> readings = retry.call("reading the pages of " + plan.originalName(), () -> work.readings(id));
            assemble(document, readings);
        } finally {
            MDC.remove("dossier");
        }
    }

    /** Rejects the document with the reason, when its job keeps failing (see {@link JobListener}). */
    public void reject(DocumentJob job, String reason, String message) throws Exception {
        Optional<WorkDocument> document = retry.call("looking up " + job.documentJob(), () -> work.document(job.documentJob()));
        if (document.isPresent() && document.get().state() == WorkDocument.State.READING) {
            rejections.reject(document.get(), reason, message);
        }
    }

    private void assemble(WorkDocument document, List<PageReading> readings) throws Exception {
        PlannedDocument plan = document.plan();
        Path source = home.resolve(plan.sourcePath());
        Path dossierPdfDir = Files.createDirectories(pdfDir.resolve(DossierCodes.safeDirectoryName(plan.dossierCode())));
        String base = plan.originalSha256().substring(0, 16);
        Path pdf = dossierPdfDir.resolve(base + ".pdf");
        Path temporary = dossierPdfDir.resolve("." + base + "." + UUID.randomUUID() + ".pdf.tmp");
        long started = System.nanoTime();
        try {
            DigitizedDocument assembled;
            try {
                Scan scan = new Scan(home.resolve(plan.originalPath()), plan.originalName(), plan.originalSha256(),
                        plan.originalSize(), Optional.of(plan.dossierCode()));
                try (Pages original = digitizer.open(source)) {
                    // each page decoded as its page of the PDF is written, never the whole document at once
                    assembled = digitizer.assemble(scan, original.select(plan.sourcePages()), readings, temporary);
                }
            } catch (RejectedScanException e) {
                rejections.reject(document, e.reason().name(), e.getMessage());
                return;
            }
            Optional<UUID> documentId;
            try {
                documentId = retry.call("recording " + plan.originalName(), () -> work.record(document, assembled,
                        temporary, pdf, home.resolve(plan.originalPath())));
            } catch (RejectedScanException e) {
                rejections.reject(document, e.reason().name(), e.getMessage());
                return;
            }
            if (documentId.isEmpty()) {
                log.info("{} was recorded meanwhile by another worker", plan.originalName());
                return;
            }
            metrics.recorded(assembled);
            log.info("{}: {} pages, type {}, recorded as document {} in {} ms", plan.originalName(),
                    assembled.pageCount(), assembled.document().type().code(), documentId.get(),
                    (System.nanoTime() - started) / 1_000_000);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
