package vn.sohoa.pipeline;

import java.nio.file.Path;
import java.util.List;

/** The outcome of one scan: what was recognized and the archive PDF written for it. */
public record DigitizedDocument(Scan scan, Document document, List<PageNote> pageNotes, Path pdf, String pdfSha256,
                                long pdfSize) {

    public DigitizedDocument {
        pageNotes = List.copyOf(pageNotes);
    }

    public int pageCount() {
        return pageNotes.size();
    }

    /** What cleanup noticed about a page: rotation applied, skew removed, blank. */
    public record PageNote(int number, int rotation, double skewDegrees, boolean blank, float dpi) {
    }
}
