package vn.sohoa.models.render;

import java.awt.image.BufferedImage;
import java.util.Locale;
import java.util.Random;

/** Speckle: a fraction of pixels turned black or white, some as small clusters like dust. */
public record SaltAndPepperNoise(double fraction, long seed) implements Degradation {

    public SaltAndPepperNoise {
        if (fraction < 0 || fraction > 0.5) {
            throw new IllegalArgumentException("speckle fraction must be in [0, 0.5], was " + fraction);
        }
    }

    @Override
    public BufferedImage apply(BufferedImage image) {
        BufferedImage out = Degradation.asRgb(image);
        int w = out.getWidth();
        int h = out.getHeight();
        Random random = new Random(seed);
        long specks = Math.round((double) w * h * fraction);
        for (long i = 0; i < specks; i++) {
            int x = random.nextInt(w);
            int y = random.nextInt(h);
            int colour = random.nextBoolean() ? 0x000000 : 0xffffff;
            int size = random.nextInt(10) == 0 ? 2 : 1;
            for (int dy = 0; dy < size && y + dy < h; dy++) {
                for (int dx = 0; dx < size && x + dx < w; dx++) {
                    out.setRGB(x + dx, y + dy, colour);
                }
            }
        }
        return out;
    }

    @Override
    public String name() {
        return String.format(Locale.ROOT, "speckle-%.4f", fraction);
    }
}
