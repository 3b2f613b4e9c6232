package vn.sohoa.pipeline.cleanup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.util.Random;
import org.junit.jupiter.api.Test;

class InkSuppressionTest {

    /** Both paths: TYPE_3BYTE_BGR goes through the one-pass loop, TYPE_INT_RGB pixel by pixel; they must agree. */
    private static int greyAfterSuppression(int rgb) {
        int[] values = new int[2];
        int i = 0;
        for (int type : new int[] {BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_INT_RGB}) {
            BufferedImage image = new BufferedImage(3, 2, type);
            for (int y = 0; y < 2; y++) {
                for (int x = 0; x < 3; x++) {
                    image.setRGB(x, y, rgb);
                }
            }
            values[i++] = new InkSuppression().apply(image).getRaster().getSample(2, 1, 0);
        }
        assertThat(values[0]).as("one pass against pixel by pixel").isCloseTo(values[1], within(1));
        return values[0];
    }

    @Test
    void theBgrPassAndPixelByPixelAgreeOnRandomColours() {
        Random random = new Random(7);
        BufferedImage image = new BufferedImage(101, 37, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        InkSuppression suppression = new InkSuppression();
        assertThat(worstDifference(suppression.apply(image), suppression.applyPerPixel(image))).isLessThanOrEqualTo(1);
    }

    private static int worstDifference(BufferedImage a, BufferedImage b) {
        int worst = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                worst = Math.max(worst, Math.abs(a.getRaster().getSample(x, y, 0) - b.getRaster().getSample(x, y, 0)));
            }
        }
        return worst;
    }

    @Test
    void aPalettePageIsLookedUpExactlyAsPixelByPixel() {
        Random random = new Random(11);
        byte[] r = new byte[256];
        byte[] g = new byte[256];
        byte[] b = new byte[256];
        random.nextBytes(r);
        random.nextBytes(g);
        random.nextBytes(b);
        BufferedImage image = new BufferedImage(97, 41, BufferedImage.TYPE_BYTE_INDEXED,
                new java.awt.image.IndexColorModel(8, 256, r, g, b));
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.getRaster().setSample(x, y, 0, random.nextInt(256));
            }
        }
        InkSuppression suppression = new InkSuppression();
        BufferedImage fast = suppression.apply(image);
        assertThat(worstDifference(fast, suppression.applyPerPixel(image))).isZero();
        assertThat(fast).isNotSameAs(image);
    }

    @Test
    void aBilevelPageUnpacksToBlackAndWhite() {
        BufferedImage bilevel = new BufferedImage(19, 3, BufferedImage.TYPE_BYTE_BINARY);
        bilevel.setRGB(0, 0, 0xffffff);
        bilevel.setRGB(17, 2, 0xffffff);
        BufferedImage grey = new InkSuppression().apply(bilevel);
        BufferedImage reference = new InkSuppression().applyPerPixel(bilevel);
        assertThat(grey.getRaster().getSample(0, 0, 0)).isEqualTo(255);
        assertThat(grey.getRaster().getSample(17, 2, 0)).isEqualTo(255);
        assertThat(grey.getRaster().getSample(18, 2, 0)).isEqualTo(0);
        assertThat(grey.getRaster().getPixels(0, 0, 19, 3, (int[]) null))
                .containsExactly(reference.getRaster().getPixels(0, 0, 19, 3, (int[]) null));
    }

    @Test
    void aGreyPageIsCopiedLikeThePerPixelPathNotShared() {
        BufferedImage page = new BufferedImage(4, 4, BufferedImage.TYPE_BYTE_GRAY);
        page.getRaster().setSample(1, 1, 0, 77);
        BufferedImage grey = new InkSuppression().apply(page);
        assertThat(grey).isNotSameAs(page);
        assertThat(grey.getRaster().getSample(1, 1, 0)).isEqualTo(new InkSuppression().applyPerPixel(page).getRaster().getSample(1, 1, 0));
        grey.getRaster().setSample(1, 1, 0, 255);
        assertThat(page.getRaster().getSample(1, 1, 0)).isEqualTo(77);
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
