package vn.sohoa.app.work;

import java.nio.file.Path;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.sohoa.app.config.SohoaProperties;
import vn.sohoa.app.ops.IntakeMetrics;
import vn.sohoa.pipeline.Digitizer;
import vn.sohoa.pipeline.PageReading;
import vn.sohoa.pipeline.RejectedScanException;
import vn.sohoa.pipeline.RejectedScanException.Reason;
import vn.sohoa.pipeline.intake.PageImage;
import vn.sohoa.pipeline.intake.Pages;

/**
 * The page stage, for a job of {@code sohoa.work.pages}: decodes one page from the stored original, cleans it
 * up and OCRs it on one of this process's engines, and stores the reading (pixels stay here). The worker that
 * stores a document's last reading queues its document job before acknowledging the page, so a crash at any
 * point leaves a job that comes again. A page is read under its {@link PageClaims claim}, so the same job given
 * out again while it is being read waits for that reading. A page already read is not read again; a page that
 * has been taken more than {@code sohoa.work.delivery-limit} times without being read (each time a worker died
 * on it) rejects its document with the reason, on any broker.
 */
@Component
public class PageStage {

    private static final Logger log = LoggerFactory.getLogger(PageStage.class);

    private final Digitizer digitizer;
    private final WorkStore work;
    private final JobSender sender;
    private final WorkSettings settings;
    private final TransientRetry retry;
    private final WorkRejections rejections;
    private final IntakeMetrics metrics;
    private final PageClaims claims;
    private final Path home;

    public PageStage(Digitizer digitizer, WorkStore work, JobSender sender, WorkSettings settings, TransientRetry retry,
                     WorkRejections rejections, IntakeMetrics metrics, PageClaims claims, SohoaProperties properties) {
        this.claims = claims;
        this.digitizer = digitizer;
        this.work = work;
        this.sender = sender;
        this.settings = settings;
        this.retry = retry;
        this.rejections = rejections;
        this.metrics = metrics;
        this.home = properties.home().toAbsolutePath();
    }

    public void handle(PageJob job) throws Exception {
        Path source = home.resolve(job.sourcePath());
        retry.run("finding the original of page " + job.page() + " of " + job.documentJob(),
                () -> OriginalMissingException.requireStored(source));
        try (PageClaims.Claim claim = claims.take(job.documentJob(), job.page())) {
            read(job, source);
        }
    }

    private void read(PageJob job, Path source) throws Exception {
        UUID id = job.documentJob();
        String what = "page " + job.page() + " of " + id;
        WorkStore.PageStart start = retry.call("starting " + what, () -> work.startPage(id, job.page(),
                settings.workerName()));
        if (start == WorkStore.PageStart.NOT_NEEDED) {
            return;
        }
        if (start == WorkStore.PageStart.ALREADY_READ) {
            // a job that came again after its reading was stored: only the document job may be missing
            if (retry.call("checking " + id, () -> work.allRead(id))) {
                sender.send(new DocumentJob(id), settings.documentsQueue());
            }
            return;
        }
        int attempts = retry.call("counting " + what, () -> work.pageAttempts(id, job.page()));
        if (attempts > settings.deliveryLimit()) {
            reject(id, Reason.OCR_FAILED, "trang " + job.page() + " đã được nhận " + attempts + " lần mà không đọc xong"
                    + " (page " + job.page() + " was taken " + attempts + " times and never read: the worker stopped"
                    + " or failed on it each time); xem nhật ký của dịch vụ");
            return;
        }
        PageReading reading;
        try {
            PageImage decoded;
            try (Pages original = digitizer.open(source)) {
                decoded = original.page(job.sourcePage());
            }
            reading = digitizer.read(decoded.renumbered(job.page()));
        } catch (RejectedScanException e) {
            reject(id, e.reason(), "trang " + job.page() + ": " + e.getMessage());
            return;
        }
        metrics.pageRead();
        UUID offer = UUID.randomUUID();
        boolean complete = retry.call("storing the reading of " + what,
                () -> work.storeReading(id, job.page(), reading, offer, settings.workerName()));
        if (complete) {
            sender.send(new DocumentJob(id), settings.documentsQueue());
            log.info("every page of {} is read; its document job is queued", id);
        }
    }

    /** Rejects the page's document with the reason, when the job keeps failing (see {@link JobListener}). */
    public void reject(PageJob job, String reason, String message) throws Exception {
        reject(job.documentJob(), reason, "trang " + job.page() + ": " + message);
    }

    private void reject(UUID id, Reason reason, String message) throws Exception {
        reject(id, reason.name(), message);
    }

    private void reject(UUID id, String reason, String message) throws Exception {
        java.util.Optional<WorkDocument> document = retry.call("looking up " + id, () -> work.document(id));
        if (document.isPresent()) {
            rejections.reject(document.get(), reason, message);
        } else {
            log.error("job of page of {} given up ({}: {}), and its document is not known", id, reason, message);
        }
    }
}
