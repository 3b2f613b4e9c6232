package vn.sohoa.pipeline.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import org.junit.jupiter.api.Test;
import vn.sohoa.models.render.Degradation;
import vn.sohoa.pipeline.intake.PageImage;

/**
 * Border and speck removal on one labelling of the dark regions (a page without pixels between their two
 * thresholds) give the very pixels the two stages give each on its own labelling.
 */
class SharedLabellingTest {

    private static byte[] pixels(BufferedImage grey) {
        return ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
    }

    @Test
    void aBilevelPageWithBordersHolesAndSpecksComesOutTheSame() {
        BufferedImage page = RenderedScans.grey(300, Degradation.scannerBorders(5).andThen(Degradation.punchHoles(300))
                .andThen(Degradation.saltAndPepper(0.002, 3)).andThen(Degradation.bilevel(160)));
        assertThat(DarkComponents.noneBetween(page, SpeckleRemoval.DARK, BorderRemoval.DARK)).isTrue();

        BorderRemoval.Result border = new BorderRemoval().apply(page, 300);
        SpeckleRemoval.Result specks = new SpeckleRemoval().apply(border.grey(), 300);
        assertThat(border.borders() + border.holes()).as("borders and holes found").isPositive();
        assertThat(specks.specks()).as("specks found").isGreaterThan(1000);

        BufferedImage shared = new PageCleanup((grey, dpi) -> java.util.Optional.empty())
                .cleanPixels(new PageImage(1, page, 300, true), StageClock.NONE).grey();
        assertThat(pixels(shared)).isEqualTo(pixels(specks.grey()));
    }

    @Test
    void aGreyPageHasPixelsBetweenTheThresholds() {
        BufferedImage page = RenderedScans.grey(300, Degradation.blur(1.0));
        assertThat(DarkComponents.noneBetween(page, SpeckleRemoval.DARK, BorderRemoval.DARK)).isFalse();
    }
}
