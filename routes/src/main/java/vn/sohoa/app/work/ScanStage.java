package vn.sohoa.app.work;

import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import vn.sohoa.app.config.SohoaProperties;
import vn.sohoa.app.intake.DossierAdmission;
import vn.sohoa.app.intake.Quarantine;
import vn.sohoa.app.records.RecordStore;
import vn.sohoa.pipeline.RejectedScanException;
import vn.sohoa.pipeline.RejectedScanException.Reason;

/**
 * The first stage on a worker, for a job of {@code sohoa.work.scans}: plans the scan into documents (a batch is
 * cut by its cover sheets), stores each plan, and queues a page job for each page not read yet, or the
 * document job when all are (a job that came again after a crash). A document already recorded (the same
 * bytes in the same dossier) is left alone; pages belonging to no dossier are quarantined, and so is a document
 * of a dossier its capture source may not add to (a cover sheet of another agency's dossier), before any page
 * of it is read. A scan taken more times than the delivery limit without its planning finishing (a worker
 * that died on it each time, which the embedded broker does not count) is quarantined instead.
 */
@Component
public class ScanStage {

    private static final Logger log = LoggerFactory.getLogger(ScanStage.class);

    private final BatchParts planner;
    private final WorkStore work;
    private final RecordStore records;
    private final JobSender sender;
    private final WorkSettings settings;
    private final TransientRetry retry;
    private final WorkRejections rejections;
    private final Path home;
    private final DossierAdmission admission;

    public ScanStage(BatchParts planner, WorkStore work, RecordStore records, JobSender sender, WorkSettings settings,
                     TransientRetry retry, WorkRejections rejections, SohoaProperties properties,
                     DossierAdmission admission) {
        this.admission = admission;
        this.planner = planner;
        this.work = work;
        this.records = records;
        this.sender = sender;
        this.settings = settings;
        this.retry = retry;
        this.rejections = rejections;
        this.home = properties.home().toAbsolutePath();
    }

    public void handle(ScanJob scan) throws Exception {
        if (scan.dossierCode() != null) {
            MDC.put("dossier", scan.dossierCode());
        }
        try {
            plan(scan);
        } finally {
            MDC.remove("dossier");
        }
    }

    private void plan(ScanJob scan) throws Exception {
        retry.run("finding " + scan.originalName(),
                () -> OriginalMissingException.requireStored(home.resolve(scan.originalPath())));
        int attempts = retry.call("counting " + scan.originalName(), () -> work.scanAttempt(scan.scanId()));
        if (attempts > settings.deliveryLimit()) {
            rejections.reject(scan, Reason.UNREADABLE_IMAGE.name(), "tệp đã được nhận " + attempts
                    + " lần mà không phân tích xong (the scan was taken " + attempts + " times and never planned: the"
                    + " worker stopped or failed on it each time); xem nhật ký của dịch vụ");
        } else {
            planDocuments(scan);
        }
        retry.run("closing " + scan.originalName(), () -> work.scanPlanned(scan.scanId()));
    }

    private void planDocuments(ScanJob scan) throws Exception {
        ScanPlan plan;
        try {
            plan = planner.plan(scan);
        } catch (RejectedScanException e) {
            rejections.reject(scan, e.reason().name(), e.getMessage());
            return;
        }
        for (PlannedDocument document : plan.documents()) {
            try {
                retry.run("admitting " + document.originalName(),
                        () -> admission.check(document.dossierCode(), document.agency()));
            } catch (RejectedScanException e) {
                refuse(scan, document, e);
                continue;
            }
            Optional<UUID> recorded = retry.call("looking up " + document.originalName(),
                    () -> records.findDocument(document.dossierCode(), document.originalSha256()));
            if (recorded.isPresent()) {
                log.info("{} is already document {} of dossier {}", document.originalName(), recorded.get(),
                        document.dossierCode());
                continue;
            }
            WorkStore.Planned planned = retry.call("planning " + document.originalName(),
                    () -> work.plan(document, scan.scanId()));
            if (planned.state() != WorkDocument.State.READING) {
                continue;
            }
            if (planned.unread().isEmpty()) {
                sender.send(new DocumentJob(document.id()), settings.documentsQueue());
            }
            for (PageJob page : planned.unread()) {
                sender.send(page, settings.pagesQueue());
            }
            log.info("{}: {} pages of dossier {} queued for reading", document.originalName(), planned.unread().size(),
                    document.dossierCode());
        }
        if (!plan.unassignedPages().isEmpty()) {
            rejections.reject(scan, Quarantine.UNASSIGNED_PAGES, Quarantine.unassignedMessage(plan.unassignedPages()));
        }
    }

    /** Quarantines the scan with the reason, when the job keeps failing (see {@link JobListener}). */
    public void reject(ScanJob scan, String reason, String message) throws Exception {
        rejections.reject(scan, reason, message);
    }

    /**
     * Quarantines a document its source may not add, before any page of it is read: as a planned document
     * rejected (recorded once however often the job comes), or, when these bytes are that dossier's already, as
     * the scan, so that the refusal is explained all the same.
     */
    private void refuse(ScanJob scan, PlannedDocument document, RejectedScanException refusal) throws Exception {
        WorkStore.Planned planned = retry.call("planning " + document.originalName(),
                () -> work.plan(document, scan.scanId()));
        Optional<WorkDocument> refused = planned.state() == WorkDocument.State.READING
                ? retry.call("looking up " + document.originalName(), () -> work.document(document.id()))
                : Optional.empty();
        if (refused.isPresent()) {
            rejections.reject(refused.get(), refusal.reason().name(), refusal.getMessage());
        } else {
            rejections.reject(scan, refusal.reason().name(), refusal.getMessage());
        }
    }
}
