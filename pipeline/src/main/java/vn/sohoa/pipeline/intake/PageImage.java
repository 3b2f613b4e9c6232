package vn.sohoa.pipeline.intake;

import java.awt.image.BufferedImage;
import java.util.Optional;

/**
 * One decoded page: its pixels and resolution. {@code dpiFromFile} says whether the resolution was read
 * from the file (true) or assumed (false) so that cleanup may estimate a better one; {@code source} where the
 * same pixels are stored compressed, when they were decoded from an image file (not rendered from a PDF).
 */
public record PageImage(int number, BufferedImage image, float dpi, boolean dpiFromFile, Optional<PageSource> source) {

    public PageImage {
        source = source == null ? Optional.empty() : source;
    }

    /** A page that exists only as pixels (scanned to memory, rendered from a PDF). */
    public PageImage(int number, BufferedImage image, float dpi, boolean dpiFromFile) {
        this(number, image, dpi, dpiFromFile, Optional.empty());
    }

    public int width() {
        return image.getWidth();
    }

    public int height() {
        return image.getHeight();
    }

    /** The same page as page {@code newNumber} of another document (a batch cut into documents). */
    public PageImage renumbered(int newNumber) {
        return new PageImage(newNumber, image, dpi, dpiFromFile, source);
    }

    public PageImage withDpi(float newDpi, boolean fromFile) {
        return new PageImage(number, image, newDpi, fromFile, source);
    }
}
