package vn.sohoa.pipeline.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class InkSuppressionTest {

    private static int greyAfterSuppression(int rgb) {
        BufferedImage image = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, rgb);
        return new InkSuppression().apply(image).getRaster().getSample(0, 0, 0);
    }

    @Test
    void redSealInkBecomesPaper() {
        assertThat(greyAfterSuppression(0xD02020)).isGreaterThan(200);
    }

    @Test
    void blueSignatureInkBecomesPaper() {
        assertThat(greyAfterSuppression(0x2030C0)).isGreaterThan(180);
    }

    @Test
    void blackPrintStaysDarkEvenUnderASeal() {
        assertThat(greyAfterSuppression(0x101010)).isLessThan(30);
        // black toner seen through red seal ink: dark in every channel, so it stays text
        assertThat(greyAfterSuppression(0x501515)).isLessThan(60);
    }

    @Test
    void greyPaperKeepsItsLuminance() {
        assertThat(greyAfterSuppression(0x808080)).isEqualTo(128);
    }
}
