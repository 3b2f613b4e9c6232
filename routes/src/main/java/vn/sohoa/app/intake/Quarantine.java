package vn.sohoa.app.intake;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.sohoa.app.ops.IntakeMetrics;
import vn.sohoa.app.records.RecordStore;
import vn.sohoa.pipeline.DurableFiles;
import vn.sohoa.pipeline.RejectedScanException;

/**
 * Where rejected scans are explained: {@code <name>.reason.txt} beside the quarantined copy, and a
 * rejected_scan record, so every file received ends processed or explained.
 */
@Component
public class Quarantine {

    /** Pages before the first cover sheet: the rest of the file was processed. */
    public static final String UNASSIGNED_PAGES = "UNASSIGNED_PAGES";
    private static final Logger log = LoggerFactory.getLogger(Quarantine.class);

    private final RecordStore records;
    private final IntakeMetrics metrics;

    public Quarantine(RecordStore records, IntakeMetrics metrics) {
        this.records = records;
        this.metrics = metrics;
    }

    public static String reasonOf(Exception error) {
        return error instanceof RejectedScanException rejected ? rejected.reason().name() : "INTERNAL_ERROR";
    }

    public static String unassignedMessage(List<Integer> positions) {
        return "trang " + BatchPlan.pageRanges(positions) + " nằm trước tờ bìa hồ sơ đầu tiên nên chưa thuộc hồ sơ nào"
                + " (pages before the first cover sheet): đặt tờ bìa hồ sơ lên trước và gửi lại các trang này";
    }

    /**
     * Explains why {@code quarantined} (where the file is or will be kept) was rejected, and records it; a
     * failure to record is logged, not thrown (the file and its reason are kept either way). {@code copyFrom},
     * when given, is copied there first (for sources whose file cannot be moved there).
     */
    public void reject(Path quarantined, Path copyFrom, String dossierCode, String originalName, String sha256,
                       String reason, String message) {
        keepCopy(quarantined, copyFrom, originalName, reason, message);
        try {
            record(quarantined, dossierCode, originalName, sha256, reason, message);
        } catch (RuntimeException e) {
            log.error("cannot record the rejection of {}: {}", originalName, e.getMessage());
        }
    }

    /** The quarantined copy (copied from {@code copyFrom} when given) and {@code <name>.reason.txt} beside it. */
    public void keepCopy(Path quarantined, Path copyFrom, String originalName, String reason, String message) {
        try {
            Files.createDirectories(quarantined.getParent());
            // the source is acknowledged after this: the copy is then the only one kept
            if (copyFrom != null) {
                DurableFiles.copy(copyFrom, quarantined);
            }
            byte[] explanation = (reason + ": " + message + System.lineSeparator()).getBytes(StandardCharsets.UTF_8);
            DurableFiles.write(quarantined.resolveSibling(quarantined.getFileName() + ".reason.txt"),
                    out -> out.write(explanation));
        } catch (IOException e) {
            log.error("cannot write the reason for {}: {}", originalName, e.getMessage());
        }
        log.warn("{} quarantined in {}: {} ({})", originalName, quarantined, message, reason);
    }

    /** Counts and records the rejection; throws when the database cannot take it (for a caller that retries). */
    public void record(Path quarantined, String dossierCode, String originalName, String sha256, String reason,
                       String message) {
        records.recordRejection(dossierCode, originalName, sha256, quarantined.toAbsolutePath().toString(), reason,
                message);
        metrics.rejected(reason);
    }
}
