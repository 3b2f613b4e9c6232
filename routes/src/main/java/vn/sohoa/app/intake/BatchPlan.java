package vn.sohoa.app.intake;

import java.util.ArrayList;
import java.util.List;
import vn.sohoa.scanner.coversheet.BatchSplit;
import vn.sohoa.scanner.coversheet.BatchSplitter;
import vn.sohoa.scanner.coversheet.PageMarker;
import vn.sohoa.scanner.coversheet.SplitDocument;
import vn.sohoa.scanner.coversheet.SplitDossier;

/**
 * A scanned batch cut by its cover and separator sheets into documents, in batch order: what to digitize,
 * what belongs to no dossier, and which cover sheets had no pages after them.
 *
 * @param documents every document of every dossier, numbered 1, 2, ... in batch order
 * @param unassignedPages positions (0-based) of pages before the first cover sheet
 * @param emptyDossiers codes of cover sheets followed directly by another cover sheet or the end
 */
public record BatchPlan(List<BatchDocument> documents, List<Integer> unassignedPages, List<String> emptyDossiers) {

    public BatchPlan {
        documents = List.copyOf(documents);
        unassignedPages = List.copyOf(unassignedPages);
        emptyDossiers = List.copyOf(emptyDossiers);
    }

    /**
     * One document of the batch.
     *
     * @param index 1-based, in batch order across dossiers; stable for the same batch
     * @param pages positions (0-based) of its pages in the batch
     */
    public record BatchDocument(int index, String dossierCode, List<Integer> pages) {
        public BatchDocument {
            pages = List.copyOf(pages);
        }
    }

    public static BatchPlan of(List<PageMarker> markers, BatchSplitter splitter) {
        BatchSplit split = splitter.split(markers);
        List<BatchDocument> documents = new ArrayList<>();
        List<String> empty = new ArrayList<>();
        for (SplitDossier dossier : split.dossiers()) {
            if (dossier.documents().isEmpty()) {
                empty.add(dossier.dossierCode());
            }
            for (SplitDocument document : dossier.documents()) {
                documents.add(new BatchDocument(documents.size() + 1, dossier.dossierCode(), document.pages()));
            }
        }
        return new BatchPlan(documents, split.unassignedPages(), empty);
    }

    public int pageCount() {
        return documents.stream().mapToInt(d -> d.pages().size()).sum();
    }

    /** "1-3, 7" for people: 1-based page numbers, runs joined. */
    public static String pageRanges(List<Integer> positions) {
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < positions.size()) {
            int start = positions.get(i);
            int end = start;
            while (i + 1 < positions.size() && positions.get(i + 1) == end + 1) {
                end = positions.get(++i);
            }
            if (text.length() > 0) {
                text.append(", ");
            }
            text.append(start + 1);
            if (end > start) {
                text.append('-').append(end + 1);
            }
            i++;
        }
        return text.toString();
    }
}
