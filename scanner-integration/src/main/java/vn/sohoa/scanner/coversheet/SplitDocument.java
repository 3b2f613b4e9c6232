package vn.sohoa.scanner.coversheet;

import java.util.List;

/** One document of a dossier: the positions (0-based) of its pages in the scanned batch, in order. */
public record SplitDocument(List<Integer> pages) {
    public SplitDocument {
        pages = List.copyOf(pages);
        if (pages.isEmpty()) {
            throw new IllegalArgumentException("A document has at least one page.");
        }
    }
}
