package vn.sohoa.pipeline.cleanup;

import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * The resolution of a page whose file gives none, or one that cannot be right (a 2480-pixel-wide A4 page
 * "at 72 dpi" would be 86 cm wide). From the page size when its proportions are those of A4 or US Letter
 * (scanners crop to the sheet), else from the size of the text: the median width of letter-sized dark
 * regions is about {@link #LETTER_WIDTH_INCHES} in 13-14 point administrative text (widths, because at low
 * resolution Vietnamese diacritics merge with their letters and make heights vary). Snapped to the usual
 * scanner settings when within 8 % of one.
 */
public final class ResolutionEstimator {

    /** Median width of letter-sized regions on rendered Nghị định 30 pages: 17 px at 200 dpi, 25 px at 300. */
    static final double LETTER_WIDTH_INCHES = 0.084;

    private static final float[] USUAL = {100, 150, 200, 240, 300, 400, 600};
    private static final double A4 = 210.0 / 297.0;
    private static final double LETTER = 8.5 / 11.0;

    /** Whether a page of this many pixels at {@code dpi} has the size of a document, 7 cm to 60 cm across. */
    public boolean plausible(int width, int height, float dpi) {
        if (dpi < 70 || dpi > 1200) {
            return false;
        }
        double shortInches = Math.min(width, height) / dpi;
        double longInches = Math.max(width, height) / dpi;
        return shortInches >= 2.75 && longInches <= 23.6;
    }

    public float estimate(BufferedImage grey) {
        int shortSide = Math.min(grey.getWidth(), grey.getHeight());
        double ratio = (double) shortSide / Math.max(grey.getWidth(), grey.getHeight());
        if (Math.abs(ratio - A4) < 0.02) {
            return snap(shortSide / (210 / 25.4f));
        }
        if (Math.abs(ratio - LETTER) < 0.02) {
            return snap(shortSide / 8.5f);
        }
        double width = medianLetterWidth(grey);
        return width > 0 ? snap((float) (width / LETTER_WIDTH_INCHES)) : 300;
    }

    static double medianLetterWidth(BufferedImage grey) {
        int[] widths;
        int n = 0;
        try (DarkComponents components = DarkComponents.of(grey, 128)) {
            widths = new int[components.count()];
            for (int i = 1; i < components.count(); i++) {
                DarkComponents.Component c = components.get(i);
                // letters: taller than specks, not lines or pictures, not wider than three times their height
                if (c.height() >= 6 && c.height() <= grey.getHeight() / 30 && c.width() <= 3 * c.height() && c.area() >= 12) {
                    widths[n++] = c.width();
                }
            }
        }
        if (n < 50) {
            return 0;
        }
        int[] used = Arrays.copyOf(widths, n);
        Arrays.sort(used);
        return used[n / 2];
    }

    private static float snap(float dpi) {
        for (float usual : USUAL) {
            if (Math.abs(dpi - usual) <= usual * 0.08) {
                return usual;
            }
        }
        return Math.round(dpi);
    }
}
