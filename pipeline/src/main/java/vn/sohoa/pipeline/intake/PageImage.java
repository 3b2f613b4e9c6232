package vn.sohoa.pipeline.intake;

import java.awt.image.BufferedImage;

/**
 * One decoded page: its pixels and resolution. {@code dpiFromFile} says whether the resolution was read
 * from the file (true) or assumed (false) so that cleanup may estimate a better one.
 */
public record PageImage(int number, BufferedImage image, float dpi, boolean dpiFromFile) {

    public int width() {
        return image.getWidth();
    }

    public int height() {
        return image.getHeight();
    }

    public PageImage withDpi(float newDpi, boolean fromFile) {
        return new PageImage(number, image, newDpi, fromFile);
    }
}
