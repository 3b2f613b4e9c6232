package vn.sohoa.pipeline.cleanup;

import java.awt.image.BufferedImage;

/**
 * A page after cleanup: {@code forOcr} is the 8-bit grey copy with coloured ink suppressed, at {@code dpi}
 * (the page's own resolution or {@value PageCleanup#WORK_DPI} dpi, whichever is lower), turned by
 * {@code rotation} (clockwise, a multiple of 90) and then straightened by {@code skewDegrees}; the same two
 * steps applied to the original ({@link PageGeometry}) give the image the word boxes found on it fit, once
 * scaled to {@code pageDpi}, the page's resolution (read from the file or estimated).
 * {@code xHeightInches} is the median x-height of its text lines, 0 when they were not measured.
 */
public record CleanPage(int number, BufferedImage forOcr, float dpi, float pageDpi, int rotation, double skewDegrees,
                        boolean blank, double xHeightInches) {

    public PageGeometry geometry() {
        return new PageGeometry(rotation, skewDegrees);
    }
}
