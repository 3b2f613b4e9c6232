package vn.sohoa.pipeline.pdf;

import java.awt.image.BufferedImage;
import java.util.Optional;
import vn.sohoa.pipeline.cleanup.PageGeometry;
import vn.sohoa.pipeline.intake.PageSource;
import vn.sohoa.pipeline.ocr.OcrPage;

/**
 * One page of the archive copy: the page's original image, shown turned by {@code geometry} as cleanup turned
 * it, and the words read on it laid invisibly over it (their boxes are in the turned page's pixels).
 * {@code source} is where the image is stored compressed, so that it can be copied rather than compressed
 * again.
 */
public record PdfPage(BufferedImage image, float dpi, PageGeometry geometry, OcrPage text, Optional<PageSource> source) {

    public PdfPage {
        source = source == null ? Optional.empty() : source;
    }

    public PdfPage(BufferedImage image, float dpi, PageGeometry geometry, OcrPage text) {
        this(image, dpi, geometry, text, Optional.empty());
    }

    /** A page shown as it was scanned. */
    public PdfPage(BufferedImage image, float dpi, OcrPage text) {
        this(image, dpi, PageGeometry.UPRIGHT, text);
    }
}
