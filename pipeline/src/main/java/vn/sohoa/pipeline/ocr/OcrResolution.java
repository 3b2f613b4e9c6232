package vn.sohoa.pipeline.ocr;

/**
 * The resolution a page is read at. Tesseract scales every text line to its network's input height (36
 * pixels for vie) before recognizing it, so pixels beyond that only lengthen page layout analysis: a 300
 * dpi page read at 150 dpi took 0.77 of the OCR time with a lower error rate on the benchmark pages
 * ({@code bench/run --ocr-variants}, 48 pages of two seeds: CER 1.14 % at 150 dpi, 1.21 % at 200, 1.71 %
 * at the pages' own 200-300 dpi; 100 dpi gave 4.3 %). Pages set in type smaller than the 13-14 pt of
 * administrative text keep more: the x-height is kept at {@value #MIN_X_HEIGHT_PIXELS} pixels, what 13 pt
 * Times has at 150 dpi. Pages are never enlarged.
 */
public final class OcrResolution {

    /** The lowest resolution a page is read at: where the benchmark pages read best. */
    public static final float MIN_DPI = 150;

    /** x-height of 13 pt Times New Roman (0.45 em, 0.081 in) at {@link #MIN_DPI}. */
    static final double MIN_X_HEIGHT_PIXELS = 12;

    private OcrResolution() {
    }

    /**
     * The resolution to read a page scanned at {@code dpi} whose text has an x-height of {@code xHeightInches}
     * (0 when unknown: then {@link #MIN_DPI} for pages above 200 dpi, else the page's own).
     */
    public static float forPage(float dpi, double xHeightInches) {
        float wanted = xHeightInches > 0 ? (float) Math.max(MIN_DPI, MIN_X_HEIGHT_PIXELS / xHeightInches) : 200;
        return Math.min(dpi, wanted);
    }
}
