package vn.sohoa.pipeline.cleanup;

import java.awt.image.BufferedImage;
import java.util.Optional;
import vn.sohoa.pipeline.intake.PageImage;

/**
 * Cleanup of one page, in order: ink suppression (grey copy for OCR), orientation, deskew, blank-page
 * detection. The colour original follows every geometric step so that the archive copy stays upright and
 * aligned with the text layer.
 */
public final class PageCleanup {

    /** Detects the clockwise cardinal rotation a grey page needs; Tesseract's OSD in production. */
    @FunctionalInterface
    public interface OrientationDetector {
        Optional<Integer> rotationNeeded(BufferedImage grey, float dpi);
    }

    /** Below this skew a page is left alone: rotating costs sharpness for no gain. */
    private static final double MIN_SKEW_DEGREES = 0.1;

    private final InkSuppression inkSuppression = new InkSuppression();
    private final SkewEstimator skewEstimator = new SkewEstimator();
    private final BlankPageDetector blankDetector = new BlankPageDetector();
    private final OrientationDetector orientation;

    public PageCleanup(OrientationDetector orientation) {
        this.orientation = orientation;
    }

    public CleanPage clean(PageImage page) {
        BufferedImage display = page.image();
        BufferedImage grey = inkSuppression.apply(display);
        if (blankDetector.isBlank(grey)) {
            return new CleanPage(page.number(), display, grey, page.dpi(), 0, 0, true);
        }
        int rotation = orientation.rotationNeeded(grey, page.dpi()).orElse(0);
        if (rotation != 0) {
            display = CardinalRotation.rotate(display, rotation);
            grey = CardinalRotation.rotate(grey, rotation);
        }
        double skew = skewEstimator.estimate(grey);
        if (Math.abs(skew) >= MIN_SKEW_DEGREES) {
            display = Deskew.straighten(display, skew);
            grey = Deskew.straighten(grey, skew);
        }
        return new CleanPage(page.number(), display, grey, page.dpi(), rotation, skew, false);
    }
}
