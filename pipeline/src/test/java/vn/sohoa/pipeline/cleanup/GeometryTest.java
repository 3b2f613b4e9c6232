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
