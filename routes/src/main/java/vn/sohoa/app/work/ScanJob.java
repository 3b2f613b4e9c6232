package vn.sohoa.app.work;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import vn.sohoa.app.intake.CaptureAgency;
import vn.sohoa.app.records.Delivery;

/**
 * {@code sohoa.work.scan.v1} on {@code sohoa.work.scans}: an original stored and checked against the limits by
 * an intake, to be planned into documents and pages.
 *
 * @param scanId one receipt of a file (the same bytes received again are another receipt)
 * @param dossierCode the dossier the edge knows (folder, mail subject, upload), or null for a batch to cut by
 *        its cover sheets
 * @param originalPath where the original is stored, relative to SOHOA_HOME (originals/ab/abcd....png)
 * @param originalName the name it arrived under
 * @param pages how many pages the intake counted
 * @param source inbox, capture-folder, ftp, mail or upload
 * @param quarantinePath where a worker puts a copy with the reason if it rejects the scan later, or null for
 *        SOHOA_HOME/failed/&lt;source&gt;/
 * @param agency which dossiers the source may add to; a job of an earlier version, without one, keeps the rule
 *        of that version (any)
 * @param delivery its role, component and who delivered it; a job of an earlier version, without one, is a
 *        submitted component delivered by its source
 */
public record ScanJob(UUID scanId, String dossierCode, String originalPath, String originalName, String sha256,
                      long size, int pages, String source, String quarantinePath, Instant receivedAt,
                      CaptureAgency agency, Delivery delivery) implements Job {

    public ScanJob {
        agency = agency == null ? CaptureAgency.any() : agency;
        delivery = delivery == null ? Delivery.bySource(source) : delivery;
    }

    public static final String SCHEMA = "sohoa.work.scan.v1";

    @Override
    public String schema() {
        return SCHEMA;
    }

    @Override
    public String messageId() {
        return scanId.toString();
    }

    @Override
    public List<String> paths() {
        return Arrays.asList(originalPath, quarantinePath);
    }
}
