package vn.sohoa.models.render;

import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.util.Locale;

/** Separable Gaussian blur; the outermost pixels (half the kernel) are left as they are. */
public record GaussianBlur(double sigma) implements Degradation {

    public GaussianBlur {
        if (sigma <= 0 || sigma > 20) {
            throw new IllegalArgumentException("blur sigma must be in (0, 20] pixels, was " + sigma);
        }
    }

    @Override
    public BufferedImage apply(BufferedImage image) {
        int radius = (int) Math.ceil(3 * sigma);
        float[] weights = new float[2 * radius + 1];
        float sum = 0;
        for (int i = -radius; i <= radius; i++) {
            weights[i + radius] = (float) Math.exp(-(i * i) / (2 * sigma * sigma));
            sum += weights[i + radius];
        }
        for (int i = 0; i < weights.length; i++) {
            weights[i] /= sum;
        }
        BufferedImage rgb = Degradation.asRgb(image);
        ConvolveOp horizontal = new ConvolveOp(new Kernel(weights.length, 1, weights), ConvolveOp.EDGE_NO_OP, null);
        ConvolveOp vertical = new ConvolveOp(new Kernel(1, weights.length, weights), ConvolveOp.EDGE_NO_OP, null);
        return vertical.filter(horizontal.filter(rgb, null), null);
    }

    @Override
    public String name() {
        return String.format(Locale.ROOT, "blur-s%.1f", sigma);
    }
}
