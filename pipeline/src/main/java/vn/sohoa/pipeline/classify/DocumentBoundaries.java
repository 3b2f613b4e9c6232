package vn.sohoa.pipeline.classify;

import java.util.ArrayList;
import java.util.List;
import vn.sohoa.pipeline.extract.Diacritics;
import vn.sohoa.pipeline.ocr.OcrLine;
import vn.sohoa.pipeline.ocr.OcrPage;

/**
 * Proposes where documents start in a run of pages scanned as one batch without separator sheets: a page
 * starts a document when the national motto ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" or "Độc lập - Tự do - Hạnh
 * phúc") or a document title is printed near its top. Continuation pages carry neither (they start with a page
 * number and body text). Only a proposal: cover and separator sheets, when present, decide.
 */
public final class DocumentBoundaries {

    /** The part of the page, from the top, where a first page has its motto or title. */
    private static final double TOP = 0.3;

    private final TitleClassifier titles = new TitleClassifier();

    /** Indices into {@code pages} of the pages that start a document; the first page always does. */
    public List<Integer> starts(List<OcrPage> pages) {
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i < pages.size(); i++) {
            if (i == 0 || startsADocument(pages.get(i))) {
                starts.add(i);
            }
        }
        return starts;
    }

    /** The pages split into documents at {@link #starts}. */
    public List<List<OcrPage>> split(List<OcrPage> pages) {
        List<Integer> starts = starts(pages);
        List<List<OcrPage>> documents = new ArrayList<>();
        for (int s = 0; s < starts.size(); s++) {
            int end = s + 1 < starts.size() ? starts.get(s + 1) : pages.size();
            documents.add(List.copyOf(pages.subList(starts.get(s), end)));
        }
        return documents;
    }

    boolean startsADocument(OcrPage page) {
        for (OcrLine line : page.lines()) {
            if (line.box().top() > page.height() * TOP) {
                break;
            }
            String folded = Diacritics.fold(line.text()).replaceAll("\\s+", " ");
            if (folded.contains("CONG HOA XA HOI") || folded.contains("XA HOI CHU NGHIA")
                    || folded.contains("DOC LAP - TU DO") || folded.contains("TU DO - HANH PHUC")) {
                return true;
            }
        }
        return titles.find(page).filter(m -> m.box().top() <= page.height() * TOP).isPresent();
    }
}
