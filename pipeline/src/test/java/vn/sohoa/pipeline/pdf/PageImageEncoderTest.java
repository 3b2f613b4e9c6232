package vn.sohoa.pipeline.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;

/** Colour scans of black-and-white pages are stored grey; pages with a seal or a signature keep their colour. */
class PageImageEncoderTest {

    @Test
    void aColourScanOfABlackAndWhitePageIsStoredGrey() throws Exception {
        BufferedImage page = rgb(TestPages.page(1, BufferedImage.TYPE_BYTE_GRAY).image());
        try (PDDocument doc = new PDDocument()) {
            PDImageXObject image = new PageImageEncoder().encode(doc, page);
            assertThat(image.getColorSpace().getNumberOfComponents()).isEqualTo(1);
            // the same tones: luma of grey pixels is the grey itself, no change of tone curve
            BufferedImage back = image.getImage();
            long difference = 0;
            long dark = 0;
            for (int y = 0; y < page.getHeight(); y++) {
                for (int x = 0; x < page.getWidth(); x++) {
                    int original = page.getRGB(x, y) & 0xff;
                    difference += Math.abs((back.getRGB(x, y) & 0xff) - original);
                    dark += original < 128 ? 1 : 0;
                }
            }
            assertThat(dark).as("dark pixels of the text").isGreaterThan(1000);
            assertThat((double) difference / (page.getWidth() * page.getHeight())).as("mean grey difference").isLessThan(3.0);
        }
    }

    @Test
    void aPageWithARedSealKeepsItsColour() throws Exception {
        BufferedImage page = rgb(TestPages.page(1, BufferedImage.TYPE_BYTE_GRAY).image());
        Graphics2D g = page.createGraphics();
        try {
            g.setColor(new Color(200, 30, 30));
            g.fillOval(page.getWidth() - 260, page.getHeight() - 260, 160, 160); // a 4 cm seal at 100 dpi
        } finally {
            g.dispose();
        }
        try (PDDocument doc = new PDDocument()) {
            assertThat(new PageImageEncoder().encode(doc, page).getColorSpace().getNumberOfComponents()).isEqualTo(3);
        }
    }

    private static BufferedImage rgb(BufferedImage grey) {
        BufferedImage rgb = new BufferedImage(grey.getWidth(), grey.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < grey.getHeight(); y++) {
            for (int x = 0; x < grey.getWidth(); x++) {
                int v = grey.getRaster().getSample(x, y, 0);
                rgb.setRGB(x, y, v << 16 | v << 8 | v);
            }
        }
        return rgb;
    }
}
