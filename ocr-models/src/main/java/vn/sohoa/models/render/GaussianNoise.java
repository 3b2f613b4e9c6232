package vn.sohoa.models.render;

import java.awt.image.BufferedImage;
import java.util.Locale;
import java.util.Random;

/** Additive Gaussian noise, the same on the three channels (sensor noise on the luminance). */
public record GaussianNoise(double sigma, long seed) implements Degradation {

    @Override
    public BufferedImage apply(BufferedImage image) {
        BufferedImage out = Degradation.asRgb(image);
        int w = out.getWidth();
        int h = out.getHeight();
        int[] row = new int[w];
        Random random = new Random(seed);
        for (int y = 0; y < h; y++) {
            out.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int n = (int) Math.round(random.nextGaussian() * sigma);
                int p = row[x];
                row[x] = clamp(((p >> 16) & 0xff) + n) << 16 | clamp(((p >> 8) & 0xff) + n) << 8 | clamp((p & 0xff) + n);
            }
            out.setRGB(0, y, w, 1, row, 0, w);
        }
        return out;
    }

    private static int clamp(int v) {
        return v < 0 ? 0 : Math.min(v, 255);
    }

    @Override
    public String name() {
        return String.format(Locale.ROOT, "noise-s%.0f", sigma);
    }
}
