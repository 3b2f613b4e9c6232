package vn.sohoa.scanner.coversheet;

import java.util.List;

/**
 * A scanned batch cut into dossiers and documents.
 *
 * @param unassignedPages positions (0-based) of the content pages scanned before the first cover:
 *     they belong to no dossier and need a person to assign them
 * @param dossiers the dossiers in batch order; a code scanned twice gives two entries
 */
public record BatchSplit(List<Integer> unassignedPages, List<SplitDossier> dossiers) {
    public BatchSplit {
        unassignedPages = List.copyOf(unassignedPages);
        dossiers = List.copyOf(dossiers);
    }
}
