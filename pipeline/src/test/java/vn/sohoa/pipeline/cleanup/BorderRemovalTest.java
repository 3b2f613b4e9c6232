package vn.sohoa.pipeline.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import vn.sohoa.models.render.Degradation;

class BorderRemovalTest {

    private static final int DPI = 200;

    @Test
    void darkScannerBordersAndPunchHolesArePaintedWhite() {
        BufferedImage scan = RenderedScans.grey(DPI, Degradation.scannerBorders(5).andThen(Degradation.punchHoles(DPI)));
        int w = scan.getWidth();
        int h = scan.getHeight();
        int margin = DPI / 5; // the outer 1 inch band: borders (up to 5 %) and holes (up to 15 mm from the edge)
        assertThat(darkInMargins(scan, margin)).as("dark pixels in the margins before").isGreaterThan(2000);

        BorderRemoval.Result result = new BorderRemoval().apply(scan, DPI);

        assertThat(result.borders()).isBetween(1, 2);
        assertThat(result.holes()).isEqualTo(2);
        assertThat(darkInMargins(result.grey(), margin)).as("dark pixels in the margins after").isLessThan(50);
        int textBefore = RenderedScans.darkPixels(scan, w / 5, h / 5, w * 4 / 5, h * 4 / 5);
        assertThat(RenderedScans.darkPixels(result.grey(), w / 5, h / 5, w * 4 / 5, h * 4 / 5))
                .as("the text stays").isEqualTo(textBefore);
    }

    @Test
    void aCleanPageIsLeftAsItIs() {
        BufferedImage page = RenderedScans.grey(DPI, null);
        BorderRemoval.Result result = new BorderRemoval().apply(page, DPI);
        assertThat(result.borders() + result.holes()).isZero();
        assertThat(result.grey()).isSameAs(page);
    }

    @Test
    void bordersOfABilevelScanGoToo() {
        BufferedImage scan = RenderedScans.grey(DPI, Degradation.scannerBorders(9).andThen(Degradation.punchHoles(DPI))
                .andThen(Degradation.bilevel(160)));
        BorderRemoval.Result result = new BorderRemoval().apply(scan, DPI);
        assertThat(result.holes()).isEqualTo(2);
        assertThat(darkInMargins(result.grey(), DPI / 5)).isLessThan(50);
    }

    private static int darkInMargins(BufferedImage grey, int margin) {
        int w = grey.getWidth();
        int h = grey.getHeight();
        return RenderedScans.darkPixels(grey, 0, 0, w, margin) + RenderedScans.darkPixels(grey, 0, h - margin, w, h)
                + RenderedScans.darkPixels(grey, 0, margin, margin, h - margin)
                + RenderedScans.darkPixels(grey, w - margin, margin, w, h - margin);
    }
}
