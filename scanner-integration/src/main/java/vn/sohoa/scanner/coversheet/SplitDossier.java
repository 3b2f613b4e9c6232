package vn.sohoa.scanner.coversheet;

import java.util.List;

/**
 * One dossier found in a scanned batch.
 *
 * @param dossierCode the code read from its cover sheet or receipt
 * @param coverPage position (0-based) in the batch of the page that started it
 * @param documents its documents in order; empty when the cover was followed directly by another
 *     cover (the dossier's pages are missing from this batch)
 */
public record SplitDossier(String dossierCode, int coverPage, List<SplitDocument> documents) {
    public SplitDossier {
        documents = List.copyOf(documents);
    }

    public int pageCount() {
        return documents.stream().mapToInt(document -> document.pages().size()).sum();
    }
}
