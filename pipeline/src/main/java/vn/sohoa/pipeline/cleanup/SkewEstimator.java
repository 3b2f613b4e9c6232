package vn.sohoa.pipeline.cleanup;

import java.awt.image.BufferedImage;

/**
 * Finds the small angle by which text lines are tilted, by projection profiles: the angle at which the
 * rows of dark pixels are sharpest (highest variance of the row sums) is the skew. Works on a downsampled
 * copy, coarse then fine, to within about 0.05 degrees over a range of plus or minus 10 degrees.
 */
public final class SkewEstimator {

    static final double MAX_DEGREES = 10;

    /**
     * The angle in degrees, positive when the text runs down to the right (clockwise); rotating the image
     * by the negative of it straightens it.
     */
    public double estimate(BufferedImage grey) {
        int step = Math.max(1, Math.round(Math.min(grey.getWidth(), grey.getHeight()) / 1000f));
        DarkPixels dark = DarkPixels.sample(grey, step);
        if (dark.count() < 50) {
            return 0;
        }
        double best = dark.sharpestAngle(-MAX_DEGREES, MAX_DEGREES, 0.5);
        best = dark.sharpestAngle(best - 0.5, best + 0.5, 0.1);
        best = dark.sharpestAngle(best - 0.1, best + 0.1, 0.02);
        return Math.abs(best) < 0.02 ? 0 : best;
    }
}
