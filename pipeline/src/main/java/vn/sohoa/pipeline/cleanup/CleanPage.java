package vn.sohoa.pipeline.cleanup;

import java.awt.image.BufferedImage;

/**
 * A page after cleanup: {@code forOcr} is the 8-bit grey image with coloured ink suppressed, turned by
 * {@code rotation} (clockwise, a multiple of 90) and then straightened by {@code skewDegrees}; the same two
 * steps applied to the original ({@link PageGeometry}) give the image the word boxes found on it fit.
 * {@code xHeightInches} is the median x-height of its text lines, 0 when they were not measured.
 * {@code rotationGuessed}: the text lines did not make the orientation clear and {@code rotation} is their
 * best guess, not yet confirmed ({@link PageCleanup#cleanGuessing}, {@link PageCleanup.Guess#decided}).
 */
public record CleanPage(int number, BufferedImage forOcr, float dpi, int rotation, double skewDegrees, boolean blank,
                        double xHeightInches, boolean rotationGuessed) {

    public PageGeometry geometry() {
        return new PageGeometry(rotation, skewDegrees);
    }
}
