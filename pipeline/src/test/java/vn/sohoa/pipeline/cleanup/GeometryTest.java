package vn.sohoa.pipeline.cleanup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GeometryTest {

    /** An A4-like page at 100 dpi with thirty lines of text. */
    private static BufferedImage textPage() {
        BufferedImage page = new BufferedImage(827, 1169, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, page.getWidth(), page.getHeight());
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SERIF, Font.PLAIN, 18));
        for (int line = 0; line < 30; line++) {
            g.drawString("Ủy ban nhân dân huyện quyết định cấp giấy chứng nhận số " + line, 80, 120 + line * 32);
        }
        g.dispose();
        return page;
    }

    @ParameterizedTest
    @ValueSource(doubles = {-4.0, -1.3, 0.7, 2.5})
    void skewIsFoundWithinATenthOfADegree(double degrees) {
        // Deskew.straighten(image, -a) tilts the page clockwise by a
        BufferedImage tilted = Deskew.straighten(textPage(), -degrees);
        assertThat(new SkewEstimator().estimate(tilted)).isCloseTo(degrees, within(0.1));
    }

    @Test
    void aStraightPageHasNoSkew() {
        assertThat(new SkewEstimator().estimate(textPage())).isCloseTo(0, within(0.05));
    }

    @Test
    void cardinalRotationTurnsClockwiseAndBack() {
        BufferedImage image = new BufferedImage(3, 2, BufferedImage.TYPE_BYTE_GRAY);
        image.getRaster().setSample(0, 0, 0, 200); // top-left
        BufferedImage turned = CardinalRotation.rotate(image, 90);
        assertThat(turned.getWidth()).isEqualTo(2);
        assertThat(turned.getHeight()).isEqualTo(3);
        assertThat(turned.getRaster().getSample(1, 0, 0)).isEqualTo(200); // now top-right
        BufferedImage back = CardinalRotation.rotate(turned, 270);
        assertThat(back.getRaster().getSample(0, 0, 0)).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(ints = {BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_BYTE_BINARY,
            BufferedImage.TYPE_4BYTE_ABGR})
    void cardinalRotationKeepsTypeAndMovesEveryPixel(int type) {
        BufferedImage image = new BufferedImage(13, 7, type);
        java.util.Random random = new java.util.Random(type);
        for (int y = 0; y < 7; y++) {
            for (int x = 0; x < 13; x++) {
                image.setRGB(x, y, 0xff000000 | random.nextInt(0x1000000));
            }
        }
        for (int degrees : new int[] {90, 180, 270}) {
            BufferedImage turned = CardinalRotation.rotate(image, degrees);
            assertThat(turned.getType()).isEqualTo(type);
            for (int y = 0; y < 7; y++) {
                for (int x = 0; x < 13; x++) {
                    int expected = image.getRGB(x, y);
                    int actual = switch (degrees) {
                        case 90 -> turned.getRGB(6 - y, x);
                        case 180 -> turned.getRGB(12 - x, 6 - y);
                        default -> turned.getRGB(y, 12 - x);
                    };
                    assertThat(actual).as("%d degrees, pixel %d,%d", degrees, x, y).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void deskewOfAColourPageKeepsItsTypeAndPaintsTheCornersWhite() {
        BufferedImage page = new BufferedImage(200, 100, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = page.createGraphics();
        g.setColor(new Color(200, 40, 40));
        g.fillRect(0, 0, 200, 100);
        g.dispose();
        BufferedImage straight = Deskew.straighten(page, 5);
        assertThat(straight.getType()).isEqualTo(BufferedImage.TYPE_3BYTE_BGR);
        assertThat(straight.getRGB(0, 0) & 0xffffff).isEqualTo(0xffffff);
        assertThat(straight.getRGB(100, 50) & 0xffffff).isEqualTo(new Color(200, 40, 40).getRGB() & 0xffffff);
    }

    @Test
    void deskewOfABilevelPageStaysBilevelAndMatchesJava2d() {
        BufferedImage page = new BufferedImage(301, 157, BufferedImage.TYPE_BYTE_BINARY);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 301, 157);
        g.setColor(Color.BLACK);
        g.fillRect(40, 30, 200, 12);
        g.fillRect(40, 90, 150, 30);
        g.dispose();
        BufferedImage fast = Deskew.straighten(page, 3);
        BufferedImage reference = Deskew.straightenJava2d(page, 3);
        assertThat(fast.getType()).isEqualTo(BufferedImage.TYPE_BYTE_BINARY);
        assertThat(fast.getRGB(0, 0) & 0xffffff).isEqualTo(0xffffff);
        int differ = 0;
        int black = 0;
        for (int y = 0; y < 157; y++) {
            for (int x = 0; x < 301; x++) {
                black += (fast.getRGB(x, y) & 0xffffff) == 0 ? 1 : 0;
                differ += fast.getRGB(x, y) != reference.getRGB(x, y) ? 1 : 0;
            }
        }
        assertThat(black).isBetween(200 * 12 + 150 * 30 - 300, 200 * 12 + 150 * 30 + 300);
        assertThat(differ).as("pixels that differ from Java2D's nearest neighbour").isLessThan(black / 20);
    }

    @Test
    void anEmptyPageIsBlankAndATextPageIsNot() {
        BufferedImage empty = new BufferedImage(827, 1169, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = empty.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 827, 1169);
        g.dispose();
        assertThat(new BlankPageDetector().isBlank(empty)).isTrue();
        assertThat(new BlankPageDetector().isBlank(textPage())).isFalse();
    }
}
