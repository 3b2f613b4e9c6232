package vn.sohoa.models.render;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.WritableRaster;

/** Exact rotation by 90, 180 or 270 degrees clockwise; keeps the image type (grey and bilevel stay so). */
public record CardinalRotation(int degrees) implements Degradation {

    public CardinalRotation {
        if (degrees != 90 && degrees != 180 && degrees != 270) {
            throw new IllegalArgumentException("cardinal rotation must be 90, 180 or 270 degrees, was " + degrees);
        }
    }

    @Override
    public BufferedImage apply(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        boolean swap = degrees != 180;
        int outW = swap ? h : w;
        int outH = swap ? w : h;
        ColorModel model = image.getColorModel();
        WritableRaster source = image.getRaster();
        WritableRaster target = model.createCompatibleWritableRaster(outW, outH);
        Object pixel = null;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                pixel = source.getDataElements(x, y, pixel);
                switch (degrees) {
                    case 90 -> target.setDataElements(h - 1 - y, x, pixel);
                    case 180 -> target.setDataElements(w - 1 - x, h - 1 - y, pixel);
                    default -> target.setDataElements(y, w - 1 - x, pixel);
                }
            }
        }
        return new BufferedImage(model, target, model.isAlphaPremultiplied(), null);
    }

    @Override
    public String name() {
        return "rotate" + degrees;
    }
}
