package vn.sohoa.pipeline.cleanup;

import java.awt.image.BufferedImage;
import java.util.Optional;
import vn.sohoa.pipeline.intake.PageImage;

/**
 * Cleanup of one page, in order: resolution (estimated when the file has none or an impossible one), ink
 * suppression (grey copy for OCR), dark borders and punch holes, specks, blank-page detection, orientation,
 * deskew. Only the grey OCR copy is changed; the page's geometry (rotation, skew) is returned so that the
 * archive copy can show the original turned the same way, aligned with the text layer.
 */
public final class PageCleanup {

    /** Detects the clockwise cardinal rotation a grey page needs; Tesseract's OSD in production. */
    @FunctionalInterface
    public interface OrientationDetector {
        Optional<Integer> rotationNeeded(BufferedImage grey, float dpi);
    }

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
        long t = clock.start();
        BufferedImage grey = inkSuppression.apply(page.image());
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
            return new CleanPage(page.number(), grey, dpi, 0, 0, true);
        }
        t = clock.start();
        Downscale.Scaled small = Downscale.toAtMost(grey, dpi, ORIENTATION_DPI);
        int rotation = orientation.rotationNeeded(small.grey(), small.dpi()).orElse(0);
        clock.stop("osd", t);
        t = clock.start();
        grey = CardinalRotation.rotate(grey, rotation);
        clock.stop("rotate", t);
        t = clock.start();
        double skew = skewEstimator.estimate(grey);
        clock.stop("skew", t);
        t = clock.start();
        PageGeometry geometry = new PageGeometry(rotation, skew);
        if (geometry.deskews()) {
            grey = Deskew.straighten(grey, skew);
        }
        clock.stop("deskew", t);
        return new CleanPage(page.number(), grey, dpi, rotation, skew, false);
    }
}
