package vn.sohoa.pipeline.cleanup;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;

/** Exact rotation by a multiple of 90 degrees clockwise, keeping the image type (and so its colour model). */
public final class CardinalRotation {

    private CardinalRotation() {
    }

    public static BufferedImage rotate(BufferedImage image, int degreesClockwise) {
        int turns = Math.floorMod(degreesClockwise, 360) / 90;
        if (turns == 0) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean swap = turns % 2 == 1;
        ColorModel model = image.getColorModel();
        Raster source = image.getRaster();
        WritableRaster target = source.createCompatibleWritableRaster(swap ? h : w, swap ? w : h);
        Object pixel = null;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                pixel = source.getDataElements(x, y, pixel);
                switch (turns) {
                    case 1 -> target.setDataElements(h - 1 - y, x, pixel);
                    case 2 -> target.setDataElements(w - 1 - x, h - 1 - y, pixel);
                    default -> target.setDataElements(y, w - 1 - x, pixel);
                }
            }
        }
        return new BufferedImage(model, target, model.isAlphaPremultiplied(), null);
    }
}
