package vn.sohoa.pipeline.cleanup;

import java.awt.image.BufferedImage;
import java.util.Optional;
import vn.sohoa.pipeline.intake.PageImage;

/**
 * Cleanup of one page, in order: resolution (estimated when the file has none or an impossible one), ink
 * suppression (grey copy for OCR), dark borders and punch holes, specks, blank-page detection, orientation
 * (from the text lines, or from the fallback detector when they are not clear), deskew. Only the grey OCR copy is changed; the page's geometry (rotation, skew) is returned so that the
 * archive copy can show the original turned the same way, aligned with the text layer.
 */
public final class PageCleanup {

    /**
     * Detects the clockwise cardinal rotation a grey page needs, for the pages whose text lines do not tell
     * it clearly; Tesseract's OSD in production.
     */
    @FunctionalInterface
    public interface OrientationDetector {
        Optional<Integer> rotationNeeded(BufferedImage grey, float dpi);
    }

    /**
     * Orientation is judged on a copy at this resolution: Tesseract's OSD took 2 to 5 s on a 300 dpi page,
     * as long as reading it, and needs far less detail.
     */
    static final float ORIENTATION_DPI = 200;

    private final ResolutionEstimator resolution = new ResolutionEstimator();
    private final InkSuppression inkSuppression = new InkSuppression();
    private final BorderRemoval borderRemoval = new BorderRemoval();
    private final SpeckleRemoval speckleRemoval = new SpeckleRemoval();
    private final SkewEstimator skewEstimator = new SkewEstimator();
    private final BlankPageDetector blankDetector = new BlankPageDetector();
    private final TextLineOrientation textLines = new TextLineOrientation();
    private final OrientationDetector fallback;

    /** Orientation from the text lines when they are clear, else from {@code fallback}. */
    public PageCleanup(OrientationDetector fallback) {
        this.fallback = fallback;
    }

    public CleanPage clean(PageImage page) {
        return clean(page, StageClock.NONE);
    }

    /** Cleans the page, adding the time of every stage to {@code clock}. */
    public CleanPage clean(PageImage page, StageClock clock) {
        return lookedAt(page, clock).turned(clock, false);
    }

    /**
     * Cleans the page like {@link #clean(PageImage, StageClock)}, except that when the text lines leave the
     * orientation unsure but give a guess, the page is turned by the guess without asking the fallback
     * detector, and {@link CleanPage#rotationGuessed} says so: for a caller that can confirm the guess by
     * reading the page (PageReader), and otherwise ask {@link Guess#decided} for the fallback's answer.
     */
    public Guess cleanGuessing(PageImage page, StageClock clock) {
        LookedAt lookedAt = lookedAt(page, clock);
        return new Guess(lookedAt, lookedAt.turned(clock, true));
    }

    /**
     * A page turned by the text lines' guess, and the way to the fallback detector's decision on the same
     * cleaned pixels (the cleanup is not done again).
     */
    public static final class Guess {

        private final LookedAt lookedAt;
        private final CleanPage page;

        private Guess(LookedAt lookedAt, CleanPage page) {
            this.lookedAt = lookedAt;
            this.page = page;
        }

        public CleanPage page() {
            return page;
        }

        /** The page turned as the fallback detector says (the guess itself when the lines were sure). */
        public CleanPage decided(StageClock clock) {
            return page.rotationGuessed() ? lookedAt.turned(clock, false) : page;
        }
    }

    /** The cleaned pixels of a page, with the copy its orientation is judged on and what the text lines said. */
    private final class LookedAt {

        private final int number;
        private final Cleaned cleaned;
        private final Downscale.Scaled small;
        private final Optional<TextLineOrientation.Estimate> estimate;

        LookedAt(int number, Cleaned cleaned, Downscale.Scaled small, Optional<TextLineOrientation.Estimate> estimate) {
            this.number = number;
            this.cleaned = cleaned;
            this.small = small;
            this.estimate = estimate;
        }

        /** Turned upright (by the lines, their guess when {@code guessWhenUnsure}, else the fallback) and deskewed. */
        CleanPage turned(StageClock clock, boolean guessWhenUnsure) {
            if (cleaned.blank()) {
                return new CleanPage(number, cleaned.grey(), cleaned.dpi(), 0, 0, true, 0, false);
            }
            int rotation;
            boolean guessed = false;
            long t;
            if (estimate.isPresent() && estimate.get().sure()) {
                rotation = estimate.get().rotation();
            } else if (estimate.isPresent() && guessWhenUnsure) {
                rotation = estimate.get().rotation();
                guessed = true;
            } else {
                t = clock.start();
                rotation = fallback.rotationNeeded(small.grey(), small.dpi()).orElse(0);
                clock.stop("osd", t);
            }
            t = clock.start();
            BufferedImage grey = CardinalRotation.rotate(cleaned.grey(), rotation);
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
            double xHeight = estimate.filter(e -> e.coreShare() >= TextLineOrientation.MIN_CORE_SHARE)
                    .map(TextLineOrientation.Estimate::xHeightInches).orElse(0.0);
            return new CleanPage(number, grey, cleaned.dpi(), rotation, skew, false, xHeight, guessed);
        }
    }

    private LookedAt lookedAt(PageImage page, StageClock clock) {
        Cleaned cleaned = cleanPixels(page, clock);
        if (cleaned.blank()) {
            return new LookedAt(page.number(), cleaned, null, Optional.empty());
        }
        long t = clock.start();
        Downscale.Scaled small = forOrientation(cleaned);
        Optional<TextLineOrientation.Estimate> estimate = textLines.estimate(small.grey(), small.dpi());
        clock.stop("lines", t);
        return new LookedAt(page.number(), cleaned, small, estimate);
    }

    /** The grey OCR copy before any turn: ink suppressed, resolution known, borders and specks gone. */
    record Cleaned(BufferedImage grey, float dpi, boolean blank) {
    }

    Cleaned cleanPixels(PageImage page, StageClock clock) {
        long t = clock.start();
        BufferedImage grey = inkSuppression.apply(page.image());
        clock.stop("ink", t);
        t = clock.start();
        float dpi = page.dpiFromFile() && resolution.plausible(page.width(), page.height(), page.dpi())
                ? page.dpi() : resolution.estimate(grey);
        clock.stop("resolution", t);
        t = clock.start();
        // one labelling of the dark regions for both stages when the page has no pixel between their
        // thresholds (a bilevel page): the same regions either way
        boolean oneLabelling = DarkComponents.noneBetween(grey, SpeckleRemoval.DARK, BorderRemoval.DARK);
        try (DarkComponents dark = DarkComponents.of(grey, BorderRemoval.DARK)) {
            boolean[] erased = new boolean[dark.count()];
            grey = borderRemoval.apply(grey, dpi, dark, erased).grey();
            clock.stop("border", t);
            t = clock.start();
            grey = oneLabelling ? speckleRemoval.apply(grey, dpi, dark, erased).grey()
                    : speckleRemoval.apply(grey, dpi).grey();
            clock.stop("speckle", t);
        }
        t = clock.start();
        boolean blank = blankDetector.isBlank(grey);
        clock.stop("blank", t);
        return new Cleaned(grey, dpi, blank);
    }

    /** The copy orientation is judged on: the cleaned grey page at {@value #ORIENTATION_DPI} dpi at most. */
    static Downscale.Scaled forOrientation(Cleaned cleaned) {
        return Downscale.toAtMost(cleaned.grey(), cleaned.dpi(), ORIENTATION_DPI);
    }
}
