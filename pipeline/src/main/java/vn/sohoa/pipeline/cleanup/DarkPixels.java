package vn.sohoa.pipeline.cleanup;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Arrays;

/**
 * The dark pixels of a grey page (below 128), sampled every {@code step} pixels in both directions, as
 * coordinates in the sampled grid, a 3 % margin left out (where scanner borders and punch holes live); and
 * the projection profile they make along lines at a small angle, the measure by which skew and the direction
 * of text lines are found.
 */
record DarkPixels(int[] xs, int[] ys) {

    static DarkPixels sample(BufferedImage grey, int step) {
        byte[] data = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
        int width = grey.getWidth();
        int height = grey.getHeight();
        int[] xs = new int[1024];
        int[] ys = new int[1024];
        int n = 0;
        int mx = width * 3 / 100;
        int my = height * 3 / 100;
        for (int y = my; y < height - my; y += step) {
            int offset = y * width;
            for (int x = mx; x < width - mx; x += step) {
                if ((data[offset + x] & 0xff) < 128) {
                    if (n == xs.length) {
                        xs = Arrays.copyOf(xs, n * 2);
                        ys = Arrays.copyOf(ys, n * 2);
                    }
                    xs[n] = x / step;
                    ys[n] = y / step;
                    n++;
                }
            }
        }
        return new DarkPixels(Arrays.copyOf(xs, n), Arrays.copyOf(ys, n));
    }

    int count() {
        return xs.length;
    }

    /** The same pixels with the axes swapped: columns become rows. */
    DarkPixels transposed() {
        return new DarkPixels(ys, xs);
    }

    /**
     * Number of dark pixels on each line {@code y - x * tan(degrees) = const}, top to bottom: rows of text
     * at that tilt give a profile of sharp peaks and gaps.
     */
    int[] profile(double degrees) {
        double tan = Math.tan(Math.toRadians(degrees));
        int minRow = Integer.MAX_VALUE;
        int maxRow = Integer.MIN_VALUE;
        int[] rows = new int[xs.length];
        for (int i = 0; i < xs.length; i++) {
            int r = (int) Math.round(ys[i] - xs[i] * tan);
            rows[i] = r;
            minRow = Math.min(minRow, r);
            maxRow = Math.max(maxRow, r);
        }
        if (rows.length == 0) {
            return new int[0];
        }
        int[] counts = new int[maxRow - minRow + 1];
        for (int r : rows) {
            counts[r - minRow]++;
        }
        return counts;
    }

    /** Sum of squared differences between neighbouring rows of the profile at {@code degrees}. */
    double sharpness(double degrees) {
        int[] counts = profile(degrees);
        double score = 0;
        for (int i = 1; i < counts.length; i++) {
            double d = counts[i] - counts[i - 1];
            score += d * d;
        }
        return score;
    }

    /** The angle in [from, to] at {@code increment} steps where the profile is sharpest. */
    double sharpestAngle(double from, double to, double increment) {
        double bestAngle = 0;
        double bestScore = -1;
        for (double angle = from; angle <= to + 1e-9; angle += increment) {
            double score = sharpness(angle);
            if (score > bestScore) {
                bestScore = score;
                bestAngle = angle;
            }
        }
        return bestAngle;
    }
}
