package vn.sohoa.pipeline.pdf;

import java.awt.image.BufferedImage;
import vn.sohoa.pipeline.cleanup.PageGeometry;
import vn.sohoa.pipeline.ocr.OcrPage;

/**
 * One page of the archive copy: the page's original image, shown turned by {@code geometry} as cleanup turned
 * it, and the words read on it laid invisibly over it (their boxes are in the turned page's pixels).
 */
public record PdfPage(BufferedImage image, float dpi, PageGeometry geometry, OcrPage text) {

    /** A page shown as it was scanned. */
    public PdfPage(BufferedImage image, float dpi, OcrPage text) {
        this(image, dpi, PageGeometry.UPRIGHT, text);
    }
}
