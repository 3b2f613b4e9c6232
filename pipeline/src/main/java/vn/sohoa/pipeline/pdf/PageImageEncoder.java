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

    private final float jpegQuality;

    public PageImageEncoder(float jpegQuality) {
        this.jpegQuality = jpegQuality;
    }

    public PageImageEncoder() {
        this(0.75f);
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
