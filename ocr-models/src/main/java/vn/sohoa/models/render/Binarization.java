package vn.sohoa.models.render;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;

/** 1-bit black and white ({@link BufferedImage#TYPE_BYTE_BINARY}): pixels darker than the threshold are black. */
public record Binarization(int threshold) implements Degradation {

    public Binarization {
        if (threshold < 1 || threshold > 255) {
            throw new IllegalArgumentException("threshold must be in [1, 255], was " + threshold);
        }
    }

    @Override
    public BufferedImage apply(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_BINARY);
        WritableRaster raster = out.getRaster();
        int[] row = new int[w];
        int[] bits = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                bits[x] = GreyConversion.luminance(row[x]) < threshold ? 0 : 1;
            }
            raster.setPixels(0, y, w, 1, bits);
        }
        return out;
    }

    @Override
    public String name() {
        return "bilevel-t" + threshold;
    }
}
