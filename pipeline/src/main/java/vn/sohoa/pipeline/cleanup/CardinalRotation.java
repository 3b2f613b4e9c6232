package vn.sohoa.pipeline.cleanup;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import org.opencv.core.Core;
import org.opencv.core.Mat;

/**
 * Exact rotation by a multiple of 90 degrees clockwise, keeping the image type (and so its colour model):
 * OpenCV's transpose and flip on the raster's own array when it is one plain array, pixel by pixel otherwise.
 */
public final class CardinalRotation {

    private CardinalRotation() {
    }

    public static BufferedImage rotate(BufferedImage image, int degreesClockwise) {
        int turns = Math.floorMod(degreesClockwise, 360) / 90;
        if (turns == 0) {
            return image;
        }
        Mat mat = MatImages.toMatRaw(image);
        if (mat != null) {
            Mat turned = new Mat();
            try {
                Core.rotate(mat, turned, switch (turns) {
                    case 1 -> Core.ROTATE_90_CLOCKWISE;
                    case 2 -> Core.ROTATE_180;
                    default -> Core.ROTATE_90_COUNTERCLOCKWISE;
                });
                return MatImages.toImageLike(turned, image);
            } finally {
                mat.release();
                turned.release();
            }
        }
        // 1-bit and other packed layouts, pixel by pixel
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
