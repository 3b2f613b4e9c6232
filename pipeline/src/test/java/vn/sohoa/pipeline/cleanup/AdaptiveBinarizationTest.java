package vn.sohoa.pipeline.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import vn.sohoa.models.render.Degradation;

class AdaptiveBinarizationTest {

    @Test
    void aPageGreyedFromLeftToRightKeepsItsTextAndLosesTheShadow() {
        BufferedImage page = RenderedScans.grey(200, null);
        int w = page.getWidth();
        int h = page.getHeight();
        // a shadow: the right half of the paper at grey 110, darker than a global threshold of 128
        BufferedImage shaded = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = page.getRaster().getSample(x, y, 0);
                shaded.getRaster().setSample(x, y, 0, x < w / 2 ? v : v * 110 / 255);
            }
        }
        BufferedImage binary = new AdaptiveBinarization().apply(shaded, 200);
        int textLeft = RenderedScans.darkPixels(page, 0, 0, w / 2, h);
        int textRight = RenderedScans.darkPixels(page, w / 2, 0, w, h);
        assertThat(RenderedScans.darkPixels(binary, w / 2, 0, w, h)).as("right half, shaded")
                .isBetween((int) (textRight * 0.6), (int) (textRight * 1.4));
        assertThat(RenderedScans.darkPixels(binary, 0, 0, w / 2, h)).as("left half")
                .isBetween((int) (textLeft * 0.6), (int) (textLeft * 1.4));
        assertThat(binary.getRaster().getSample(w * 3 / 4, 5, 0)).as("shaded paper becomes white").isEqualTo(255);
    }

    @Test
    void matImagesGiveBackTheSamePixels() {
        BufferedImage page = RenderedScans.grey(100, Degradation.gaussianNoise(10, 1));
        BufferedImage back = MatImages.toGrey(MatImages.toMat(page));
        assertThat(back.getRaster().getSamples(0, 0, page.getWidth(), page.getHeight(), 0, (int[]) null))
                .isEqualTo(page.getRaster().getSamples(0, 0, page.getWidth(), page.getHeight(), 0, (int[]) null));
    }
}
