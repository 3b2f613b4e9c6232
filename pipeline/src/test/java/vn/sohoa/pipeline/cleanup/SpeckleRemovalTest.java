package vn.sohoa.pipeline.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import vn.sohoa.models.render.Degradation;

class SpeckleRemovalTest {

    @Test
    void isolatedSpecksGoAndLettersWithTheirDiacriticsStay() {
        BufferedImage clean = RenderedScans.grey(300, Degradation.bilevel(160));
        BufferedImage noisy = RenderedScans.grey(300, Degradation.saltAndPepper(0.002, 3).andThen(Degradation.bilevel(160)));
        int w = clean.getWidth();
        int h = clean.getHeight();
        int textDark = RenderedScans.darkPixels(clean, 0, 0, w, h);
        int noise = RenderedScans.darkPixels(noisy, 0, 0, w, h) - textDark;
        assertThat(noise).as("dark specks added").isGreaterThan(5000);

        SpeckleRemoval.Result result = new SpeckleRemoval().apply(noisy, 300);

        int left = RenderedScans.darkPixels(result.grey(), 0, 0, w, h) - textDark;
        assertThat(left).as("dark specks left").isLessThan(noise / 10);
        // the clean page loses (almost) nothing: no diacritic is as small as a speck
        SpeckleRemoval.Result untouched = new SpeckleRemoval().apply(clean, 300);
        assertThat(RenderedScans.darkPixels(untouched.grey(), 0, 0, w, h)).isGreaterThan((int) (textDark * 0.999));
    }
}
