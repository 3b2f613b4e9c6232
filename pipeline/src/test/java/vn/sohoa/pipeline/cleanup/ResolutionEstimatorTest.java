package vn.sohoa.pipeline.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.sohoa.models.render.Degradation;

class ResolutionEstimatorTest {

    private final ResolutionEstimator estimator = new ResolutionEstimator();

    @ParameterizedTest
    @ValueSource(ints = {150, 200, 300})
    void anA4PageGivesItsResolutionFromItsSize(int dpi) {
        BufferedImage page = RenderedScans.grey(dpi, null);
        assertThat(estimator.estimate(page)).isEqualTo(dpi);
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 300})
    void aCroppedPageGivesItsResolutionFromItsTextSize(int dpi) {
        BufferedImage page = RenderedScans.grey(dpi, null);
        // the top three fifths: no longer A4 proportions (a half would be A5)
        BufferedImage cropped = page.getSubimage(0, 0, page.getWidth(), page.getHeight() * 3 / 5);
        BufferedImage copy = vn.sohoa.pipeline.ocr.GreyImages.toGrey(cropped);
        assertThat(estimator.estimate(copy)).isEqualTo(dpi);
    }

    @ParameterizedTest
    @ValueSource(floats = {0, 1, 72, 2400})
    void aResolutionThatMakesAnA4PageTooLargeOrSmallIsNotBelieved(float dpi) {
        assertThat(estimator.plausible(2480, 3508, dpi)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(floats = {150, 200, 300, 600})
    void usualScannerResolutionsAreBelieved(float dpi) {
        assertThat(estimator.plausible(Math.round(8.27f * dpi), Math.round(11.69f * dpi), dpi)).isTrue();
    }

    @org.junit.jupiter.api.Test
    void aSidewaysPageIsMeasuredTheSame() {
        BufferedImage page = RenderedScans.grey(200, Degradation.rotate(90));
        assertThat(estimator.estimate(page)).isEqualTo(200);
    }
}
