package vn.sohoa.app.work;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import vn.sohoa.app.intake.CaptureAgency;
import vn.sohoa.app.records.Delivery;

/**
 * One document as the scan stage plans it: which dossier, the original it is recorded with, and the pages to
 * decode for it from a stored source file (the original itself, or the batch it was cut from).
 *
 * @param originalPath the original recorded, relative to SOHOA_HOME
 * @param sourcePath the stored file its pages come from, relative to SOHOA_HOME
 * @param sourcePages its pages' numbers in the source, 1-based, in document order
 * @param quarantinePath where a copy of the source goes with the reason if a worker rejects it, or null
 * @param agency which dossiers its capture source may add to, applied when it is recorded
 * @param delivery its role, component and who delivered it, recorded with it
 */
public record PlannedDocument(String dossierCode, String originalName, String originalSha256, long originalSize,
                              String originalPath, String sourcePath, List<Integer> sourcePages, String source,
                              String quarantinePath, CaptureAgency agency, Delivery delivery) {

    public PlannedDocument {
        sourcePages = List.copyOf(sourcePages);
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(delivery, "delivery");
        if (sourcePages.isEmpty()) {
            throw new IllegalArgumentException("a document of no pages");
        }
    }

    /** The job's id: the same bytes in the same dossier are the same document, whoever received them. */
    public UUID id() {
        return idOf(dossierCode, originalSha256);
    }

    public static UUID idOf(String dossierCode, String originalSha256) {
        return UUID.nameUUIDFromBytes(("sohoa.work.document:" + dossierCode + "\n" + originalSha256)
                .getBytes(StandardCharsets.UTF_8));
    }
}
