package vn.sohoa.scanner.coversheet;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a long feeder batch into dossiers and documents from the markers of its pages, in scan order.
 *
 * <ul>
 *   <li>A cover sheet starts a dossier and is dropped; the pages after it belong to that dossier.</li>
 *   <li>A receipt page (plain dossier code) starts a dossier too, and is kept as its first page; a
 *       receipt with the code of the dossier already open (receipt placed behind its cover sheet) is
 *       just a page of it.</li>
 *   <li>A separator sheet ends the current document and is dropped; the next page starts a new
 *       document in the same dossier. Repeated separators make no empty documents.</li>
 *   <li>A blank page right after a cover or separator sheet is dropped: it is the sheet's back side
 *       in a duplex scan.</li>
 *   <li>With {@code blankPageSeparates}, any other blank page acts as a separator too (for offices
 *       that separate with blank sheets; do not use it with duplex scans of one-sided documents,
 *       whose blank backs would cut every document after each page).</li>
 *   <li>Pages before the first cover are {@linkplain BatchSplit#unassignedPages() unassigned}.</li>
 * </ul>
 *
 * A pure function: no I/O, the same markers always give the same split.
 */
public final class BatchSplitter {

    private final boolean blankPageSeparates;

    public BatchSplitter(boolean blankPageSeparates) {
        this.blankPageSeparates = blankPageSeparates;
    }

    /** Splits on cover and separator sheets only; blank pages stay in their documents. */
    public static BatchSplitter onSheets() {
        return new BatchSplitter(false);
    }

    public BatchSplit split(List<PageMarker> pages) {
        Cutting cutting = new Cutting();
        boolean afterSheet = false;
        for (int position = 0; position < pages.size(); position++) {
            PageMarker marker = pages.get(position);
            boolean sheet = false;
            if (marker instanceof PageMarker.Cover cover) {
                if (cover.kind() == PageMarker.CoverKind.COVER_SHEET) {
                    cutting.startDossier(cover.dossierCode(), position);
                    sheet = true;
                } else if (!cutting.isOpen(cover.dossierCode())) {
                    cutting.startDossier(cover.dossierCode(), position);
                    cutting.addPage(position);
                } else {
                    cutting.addPage(position);
                }
            } else if (marker instanceof PageMarker.Separator) {
                cutting.endDocument();
                sheet = true;
            } else if (marker instanceof PageMarker.Content content) {
                if (content.blank() && afterSheet) {
                    sheet = true; // the back of the sheet: still "after a sheet" for a second blank side
                } else if (content.blank() && blankPageSeparates) {
                    cutting.endDocument();
                    sheet = true;
                } else {
                    cutting.addPage(position);
                }
            }
            afterSheet = sheet;
        }
        return cutting.finish();
    }

    /** The split being built while walking the batch once. */
    private static final class Cutting {
        private final List<Integer> unassigned = new ArrayList<>();
        private final List<SplitDossier> dossiers = new ArrayList<>();
        private String code;
        private int coverPage;
        private final List<SplitDocument> documents = new ArrayList<>();
        private final List<Integer> document = new ArrayList<>();

        boolean isOpen(String dossierCode) {
            return dossierCode.equals(code);
        }

        void startDossier(String dossierCode, int position) {
            endDossier();
            code = dossierCode;
            coverPage = position;
        }

        void addPage(int position) {
            if (code == null) {
                unassigned.add(position);
            } else {
                document.add(position);
            }
        }

        void endDocument() {
            if (code != null && !document.isEmpty()) {
                documents.add(new SplitDocument(document));
            }
            document.clear();
        }

        private void endDossier() {
            endDocument();
            if (code != null) {
                dossiers.add(new SplitDossier(code, coverPage, documents));
            }
            documents.clear();
        }

        BatchSplit finish() {
            endDossier();
            return new BatchSplit(unassigned, dossiers);
        }
    }
}
