package vn.sohoa.models.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DegradationTest {

    private static RenderedPage page;

    @BeforeAll
    static void render() {
        page = new PageRenderer(100).render(SyntheticDocumentGenerator.generate(42)).pages().get(0);
    }

    @Test
    void rotatingByNinetySwapsWidthAndHeightAndFourTimesGivesTheSamePixels() {
        BufferedImage image = page.image();
        BufferedImage turned = Degradation.rotate(90).apply(image);

        assertThat(turned.getWidth()).isEqualTo(image.getHeight());
        assertThat(turned.getHeight()).isEqualTo(image.getWidth());
        assertThat(turned.getRGB(image.getHeight() - 1 - 10, 20)).isEqualTo(image.getRGB(20, 10));
        BufferedImage back = Degradation.rotate(270).apply(turned);
        assertThat(pixels(back)).isEqualTo(pixels(image));
    }

    @Test
    void bilevelOutputIsOneBitWithTwoColours() {
        BufferedImage bilevel = Degradation.jpeg(0.4f).andThen(Degradation.bilevel(160)).apply(page.image());

        assertThat(bilevel.getType()).isEqualTo(BufferedImage.TYPE_BYTE_BINARY);
        assertThat(bilevel.getColorModel().getPixelSize()).isEqualTo(1);
        Set<Integer> colours = new HashSet<>();
        for (int p : pixels(bilevel)) {
            colours.add(p);
        }
        assertThat(colours).containsExactlyInAnyOrder(0xff000000, 0xffffffff);
    }

    @Test
    void greyConversionMakesTheSealGrey() {
        BufferedImage grey = Degradation.grey().apply(page.image());

        assertThat(grey.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
        assertThat(PageRendererTest.strongRedPixels(grey)).isZero();
    }

    @Test
    void seededDegradationsAreDeterministicAndDoNotTouchTheInput() {
        int[] before = pixels(page.image());
        Degradation scan = Degradation.skew(2.5).andThen(Degradation.gaussianNoise(10, 3))
                .andThen(Degradation.saltAndPepper(0.001, 4)).andThen(Degradation.scannerBorders(5))
                .andThen(Degradation.punchHoles(100)).andThen(Degradation.blur(0.8));

        assertThat(pixels(scan.apply(page.image()))).isEqualTo(pixels(scan.apply(page.image())));
        assertThat(pixels(page.image())).isEqualTo(before);
        assertThat(scan.steps()).hasSize(6);
        assertThat(scan.name()).isEqualTo("skew+2.50,noise-s10,speckle-0.0010,borders,holes,blur-s0.8");
    }

    @Test
    void skewKeepsTheSizeAndFillsCornersWhite() {
        BufferedImage skewed = Degradation.skew(-4).apply(page.image());

        assertThat(skewed.getWidth()).isEqualTo(page.image().getWidth());
        assertThat(skewed.getRGB(0, 0) & 0xffffff).isEqualTo(0xffffff);
        assertThat(pixels(skewed)).isNotEqualTo(pixels(page.image()));
    }

    @Test
    void scannerBordersDarkenAnEdgeAndPunchHolesTheLeftMargin() {
        BufferedImage bordered = Degradation.scannerBorders(9).apply(page.image());
        int w = bordered.getWidth();
        int h = bordered.getHeight();
        int[] edges = {bordered.getRGB(0, h / 2), bordered.getRGB(w / 2, 0), bordered.getRGB(w - 1, h / 2),
            bordered.getRGB(w / 2, h - 1)};
        assertThat(java.util.Arrays.stream(edges).anyMatch(p -> (p & 0xff) < 60)).as("a dark edge").isTrue();

        BufferedImage holed = Degradation.punchHoles(100).apply(page.image());
        int holeX = (int) Math.round(12 * 100 / 25.4);
        int holeY = (int) Math.round(h / 2.0 - 40 * 100 / 25.4);
        assertThat(holed.getRGB(holeX, holeY) & 0xff).isLessThan(60);
    }

    @Test
    void resamplingFromThreeHundredToTwoHundredDpiScalesByTwoThirds() {
        BufferedImage image = new BufferedImage(300, 600, BufferedImage.TYPE_INT_RGB);

        BufferedImage resampled = Degradation.resample(300, 200).apply(image);

        assertThat(resampled.getWidth()).isEqualTo(200);
        assertThat(resampled.getHeight()).isEqualTo(400);
    }

    @Test
    void onlyCardinalAnglesAreRotations() {
        assertThatThrownBy(() -> Degradation.rotate(45)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("90, 180 or 270");
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }
}
