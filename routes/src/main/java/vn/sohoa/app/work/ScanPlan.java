package vn.sohoa.app.work;

import java.util.List;

/**
 * What one received scan becomes: its documents, and pages of it that belong to no dossier (before the first
 * cover sheet of a batch, 0-based positions), which are quarantined while the rest is digitized.
 */
public record ScanPlan(List<PlannedDocument> documents, List<Integer> unassignedPages) {

    public ScanPlan {
        documents = List.copyOf(documents);
        unassignedPages = List.copyOf(unassignedPages);
    }
}
