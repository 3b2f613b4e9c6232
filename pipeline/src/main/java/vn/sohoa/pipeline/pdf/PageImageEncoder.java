package vn.sohoa.pipeline.pdf;

import java.awt.image.BufferedImage;
import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.CCITTFactory;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Chooses the compression of a page image: CCITT G4 for bilevel pages, JPEG for grey and colour scans
 * (photographs of paper compress ten times better than losslessly, and OCR has already been done).
 */
public final class PageImageEncoder {

    /**
     * JPEG quality for grey and colour pages. Measured with JpegQualityMeasurement (test sources) on an A4
     * 300 dpi page rendered from a legal text with a red seal, a blue signature, paper tint and sensor noise
     * (sigma 4); size of the image stream and mean absolute error (0-255) against the noisy scan / the
     * noiseless page:
     * <pre>
     *          colour                          grey
     * q=0.50    559 KiB  3.91 / 2.70            521 KiB  3.75 / 2.43
     * q=0.65    776 KiB  3.63 / 2.74            735 KiB  3.45 / 2.48
     * q=0.75   1013 KiB  3.37 / 2.77            968 KiB  3.19 / 2.53
     * q=0.85   1513 KiB  2.83 / 2.80           1459 KiB  2.76 / 2.74
     * </pre>
     * Quality above 0.5 buys fidelity to the sensor noise, not to the page (the error against the noiseless
     * page is flat). 0.65 is 23-24% smaller than 0.75 with the same error against the page; 0.5 would save
     * another 28% but leaves no margin for 200 dpi scans and small diacritics, which this page did not test.
     */
    public static final float DEFAULT_JPEG_QUALITY = 0.65f;

    private final float jpegQuality;

    public PageImageEncoder(float jpegQuality) {
        this.jpegQuality = jpegQuality;
    }

    public PageImageEncoder() {
        this(DEFAULT_JPEG_QUALITY);
    }

    /** The page's image as an image XObject. */
    public PDImageXObject encode(PDDocument doc, PdfPage page) throws IOException {
        return encode(doc, page.image());
    }

    public PDImageXObject encode(PDDocument doc, BufferedImage image) throws IOException {
        if (isBilevel(image)) {
            return CCITTFactory.createFromImage(doc, image);
        }
        if (image.getColorModel().hasAlpha()) {
            // PDF/A-2 allows soft masks but archive scans have no use for transparency: flatten on white
            image = flatten(image);
        }
        if (image.getColorModel() instanceof java.awt.image.IndexColorModel && image.getColorModel().getPixelSize() <= 8
                && image.getColorModel().getPixelSize() > 1) {
            return LosslessFactory.createFromImage(doc, image);
        }
        return JPEGFactory.createFromImage(doc, image, jpegQuality);
    }

    static boolean isBilevel(BufferedImage image) {
        return image.getType() == BufferedImage.TYPE_BYTE_BINARY && image.getColorModel().getPixelSize() == 1;
    }

    private static BufferedImage flatten(BufferedImage image) {
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        var g = rgb.createGraphics();
        try {
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, rgb.getWidth(), rgb.getHeight());
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return rgb;
    }
}
