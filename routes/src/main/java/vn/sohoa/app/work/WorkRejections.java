package vn.sohoa.app.work;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;
import vn.sohoa.app.config.SohoaProperties;
import vn.sohoa.app.intake.DossierCodes;
import vn.sohoa.app.intake.Quarantine;

/**
 * What a worker does with a scan it cannot digitize, as the intake does with one it refuses: a copy with
 * {@code <name>.reason.txt} where the intake asked for it (the inbox's failed/, SOHOA_HOME/failed/ftp/, ...)
 * and a rejected_scan record; for a planned document, in one transaction with its state 'rejected', so that
 * the rejection is recorded once however often the job comes. Retried in place while PostgreSQL is down.
 */
@Component
public class WorkRejections {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private final Quarantine quarantine;
    private final WorkStore work;
    private final TransientRetry retry;
    private final Path home;

    public WorkRejections(Quarantine quarantine, WorkStore work, TransientRetry retry, SohoaProperties properties) {
        this.quarantine = quarantine;
        this.work = work;
        this.retry = retry;
        this.home = properties.home().toAbsolutePath();
    }

    /** Rejects a planned document: a copy of its source (the scan, or the batch it was cut from) and the reason. */
    public void reject(WorkDocument document, String reason, String message) throws Exception {
        PlannedDocument plan = document.plan();
        Path copy = quarantinePath(plan.quarantinePath(), plan.source(), plan.dossierCode(), plan.originalName());
        quarantine.keepCopy(copy, home.resolve(plan.sourcePath()), plan.originalName(), reason, message);
        retry.run("recording the rejection of " + plan.originalName(), () -> work.reject(document.id(), reason, message,
                () -> quarantine.record(copy, plan.dossierCode(), plan.originalName(), plan.originalSha256(), reason,
                        message)));
    }

    /** Rejects a scan, or pages of it, before any document of it was planned (a batch without cover sheets). */
    public void reject(ScanJob scan, String reason, String message) throws Exception {
        Path copy = quarantinePath(scan.quarantinePath(), scan.source(), scan.dossierCode(), scan.originalName());
        quarantine.keepCopy(copy, home.resolve(scan.originalPath()), scan.originalName(), reason, message);
        retry.run("recording the rejection of " + scan.originalName(), () -> quarantine.record(copy, scan.dossierCode(),
                scan.originalName(), scan.sha256(), reason, message));
    }

    /** Where the intake asked, or SOHOA_HOME/failed/&lt;source&gt;/&lt;dossier&gt;/&lt;stamp&gt;-&lt;name&gt;. */
    private Path quarantinePath(String asked, String source, String dossierCode, String name) {
        if (asked != null) {
            return Path.of(asked);
        }
        Path folder = home.resolve("failed").resolve(DossierCodes.safeDirectoryName(source));
        if (dossierCode != null) {
            folder = folder.resolve(DossierCodes.safeDirectoryName(dossierCode));
        }
        return folder.resolve(LocalDateTime.now().format(STAMP) + "-" + name);
    }
}
