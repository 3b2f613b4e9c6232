package vn.sohoa.pipeline.cleanup;

import java.awt.image.BufferedImage;
import java.util.Optional;
import vn.sohoa.pipeline.intake.PageImage;

/**
 * Cleanup of one page, in order: resolution (estimated when the file has none or an impossible one), ink
 * suppression (grey copy for OCR), dark borders and punch holes, specks, blank-page detection, orientation,
 * deskew. The colour original follows every geometric step so that the archive copy stays upright and
 * aligned with the text layer; the pixel cleaning applies to the OCR copy only.
 */
public final class PageCleanup {

    /** Detects the clockwise cardinal rotation a grey page needs; Tesseract's OSD in production. */
    @FunctionalInterface
    public interface OrientationDetector {
        Optional<Integer> rotationNeeded(BufferedImage grey, float dpi);
    }

    /** Below this skew a page is left alone: rotating costs sharpness for no gain. */
    private static final double MIN_SKEW_DEGREES = 0.1;

    /**
     * Orientation is judged on a copy at this resolution: Tesseract's OSD took 2 to 5 s on a 300 dpi page,
     * as long as reading it, and needs far less detail.
     */
    private static final float ORIENTATION_DPI = 200;

    private final ResolutionEstimator resolution = new ResolutionEstimator();
    private final InkSuppression inkSuppression = new InkSuppression();
    private final BorderRemoval borderRemoval = new BorderRemoval();
    private final SpeckleRemoval speckleRemoval = new SpeckleRemoval();
    private final SkewEstimator skewEstimator = new SkewEstimator();
    private final BlankPageDetector blankDetector = new BlankPageDetector();
    private final OrientationDetector orientation;

    public PageCleanup(OrientationDetector orientation) {
        this.orientation = orientation;
    }

    public CleanPage clean(PageImage page) {
        return clean(page, StageClock.NONE);
    }

    /** Cleans the page, adding the time of every stage to {@code clock}. */
    public CleanPage clean(PageImage page, StageClock clock) {
        BufferedImage display = page.image();
        long t = clock.start();
        BufferedImage grey = inkSuppression.apply(display);
        clock.stop("ink", t);
        t = clock.start();
        float dpi = page.dpiFromFile() && resolution.plausible(page.width(), page.height(), page.dpi())
                ? page.dpi() : resolution.estimate(grey);
        clock.stop("resolution", t);
        t = clock.start();
        grey = borderRemoval.apply(grey, dpi).grey();
        clock.stop("border", t);
        t = clock.start();
        grey = speckleRemoval.apply(grey, dpi).grey();
        clock.stop("speckle", t);
        t = clock.start();
        boolean blank = blankDetector.isBlank(grey);
        clock.stop("blank", t);
        if (blank) {
            return new CleanPage(page.number(), display, grey, dpi, 0, 0, true);
        }
        t = clock.start();
        Downscale.Scaled small = Downscale.toAtMost(grey, dpi, ORIENTATION_DPI);
        int rotation = orientation.rotationNeeded(small.grey(), small.dpi()).orElse(0);
        clock.stop("osd", t);
        t = clock.start();
        if (rotation != 0) {
            display = CardinalRotation.rotate(display, rotation);
            grey = CardinalRotation.rotate(grey, rotation);
        }
        clock.stop("rotate", t);
        t = clock.start();
        double skew = skewEstimator.estimate(grey);
        clock.stop("skew", t);
        t = clock.start();
        if (Math.abs(skew) >= MIN_SKEW_DEGREES) {
            display = Deskew.straighten(display, skew);
            grey = Deskew.straighten(grey, skew);
        }
        clock.stop("deskew", t);
        return new CleanPage(page.number(), display, grey, dpi, rotation, skew, false);
    }
}
