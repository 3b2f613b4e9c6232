package vn.sohoa.pipeline.cleanup;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * Finds the small angle by which text lines are tilted, by projection profiles: the angle at which the
 * rows of dark pixels are sharpest (highest variance of the row sums) is the skew. Works on a downsampled
 * copy, coarse then fine, to within about 0.05 degrees over a range of plus or minus 10 degrees.
 */
public final class SkewEstimator {

    private static final double MAX_DEGREES = 10;

    /**
     * The angle in degrees, positive when the text runs down to the right (clockwise); rotating the image
     * by the negative of it straightens it.
     */
    public double estimate(BufferedImage grey) {
        int step = Math.max(1, Math.round(Math.min(grey.getWidth(), grey.getHeight()) / 1000f));
        int[][] dark = darkPixels(grey, step);
        if (dark[0].length < 50) {
            return 0;
        }
        double best = search(dark, -MAX_DEGREES, MAX_DEGREES, 0.5);
        best = search(dark, best - 0.5, best + 0.5, 0.1);
        best = search(dark, best - 0.1, best + 0.1, 0.02);
        return Math.abs(best) < 0.02 ? 0 : best;
    }

    private static double search(int[][] dark, double from, double to, double increment) {
        double bestAngle = 0;
        double bestScore = -1;
        for (double angle = from; angle <= to + 1e-9; angle += increment) {
            double score = sharpness(dark, angle);
            if (score > bestScore) {
                bestScore = score;
                bestAngle = angle;
            }
        }
        return bestAngle;
    }

    /** Sum of squared differences between neighbouring row sums along lines tilted by {@code degrees}. */
    private static double sharpness(int[][] dark, double degrees) {
        double tan = Math.tan(Math.toRadians(degrees));
        int[] xs = dark[0];
        int[] ys = dark[1];
        int minRow = Integer.MAX_VALUE;
        int maxRow = Integer.MIN_VALUE;
        int[] rows = new int[xs.length];
        for (int i = 0; i < xs.length; i++) {
            int r = (int) Math.round(ys[i] - xs[i] * tan);
            rows[i] = r;
            minRow = Math.min(minRow, r);
            maxRow = Math.max(maxRow, r);
        }
        int[] counts = new int[maxRow - minRow + 1];
        for (int r : rows) {
            counts[r - minRow]++;
        }
        double score = 0;
        for (int i = 1; i < counts.length; i++) {
            double d = counts[i] - counts[i - 1];
            score += d * d;
        }
        return score;
    }

    /** Coordinates of dark pixels (below a threshold halfway between the page's ink and paper). */
    private static int[][] darkPixels(BufferedImage grey, int step) {
        byte[] data = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
        int width = grey.getWidth();
        int height = grey.getHeight();
        int threshold = 128;
        int[] xs = new int[1024];
        int[] ys = new int[1024];
        int n = 0;
        // skip a 3% margin where scanner borders and punch holes live
        int mx = width * 3 / 100;
        int my = height * 3 / 100;
        for (int y = my; y < height - my; y += step) {
            int offset = y * width;
            for (int x = mx; x < width - mx; x += step) {
                if ((data[offset + x] & 0xff) < threshold) {
                    if (n == xs.length) {
                        xs = java.util.Arrays.copyOf(xs, n * 2);
                        ys = java.util.Arrays.copyOf(ys, n * 2);
                    }
                    xs[n] = x / step;
                    ys[n] = y / step;
                    n++;
                }
            }
        }
        return new int[][] {java.util.Arrays.copyOf(xs, n), java.util.Arrays.copyOf(ys, n)};
    }
}
