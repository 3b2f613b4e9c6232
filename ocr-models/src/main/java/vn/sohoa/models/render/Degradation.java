package vn.sohoa.models.render;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * One way a scan differs from the clean page: a pure function from image to a new image (the input is never
 * modified). Randomised degradations carry their seed, so applying the same degradation to the same image
 * always gives the same pixels.
 *
 * <p>Degradations do <em>not</em> move the ground truth: word and line boxes of a {@link RenderedPage} stay in
 * the coordinates of the undegraded page. Geometric ones ({@link #rotate}, {@link #skew}, {@link #resample})
 * make those boxes wrong for the degraded image; the text stays right.
 */
public interface Degradation {

    BufferedImage apply(BufferedImage image);

    /** Short, stable description for manifests ("rotate90", "skew+1.5", "jpeg-q35"). */
    String name();

    /** This degradation, then {@code next}. */
    default Degradation andThen(Degradation next) {
        List<Degradation> steps = new ArrayList<>();
        for (Degradation d : List.of(this, next)) {
            if (d instanceof DegradationChain chain) {
                steps.addAll(chain.steps());
            } else {
                steps.add(d);
            }
        }
        return new DegradationChain(steps);
    }

    /** The steps in order, so a manifest can list them ({@code [this]} for a single degradation). */
    default List<Degradation> steps() {
        return List.of(this);
    }

    /** Rotation by 90, 180 or 270 degrees clockwise (a page fed sideways or upside down). */
    static Degradation rotate(int degrees) {
        return new CardinalRotation(degrees);
    }

    /** Rotation by a small angle in degrees (positive clockwise) about the centre, same size, white fill. */
    static Degradation skew(double degrees) {
        return new Skew(degrees);
    }

    /** Additive Gaussian noise on the luminance, standard deviation {@code sigma} grey levels. */
    static Degradation gaussianNoise(double sigma, long seed) {
        return new GaussianNoise(sigma, seed);
    }

    /** Isolated black and white specks on {@code fraction} of the pixels (dust, toner). */
    static Degradation saltAndPepper(double fraction, long seed) {
        return new SaltAndPepperNoise(fraction, seed);
    }

    /** Gaussian blur of standard deviation {@code sigma} pixels (out-of-focus camera, cheap scanner). */
    static Degradation blur(double sigma) {
        return new GaussianBlur(sigma);
    }

    /** JPEG encoding at {@code quality} (0..1) and decoding again. */
    static Degradation jpeg(float quality) {
        return new JpegRecompression(quality);
    }

    /** Dark, uneven scanner-lid margins on one or two sides. */
    static Degradation scannerBorders(long seed) {
        return new ScannerBorders(seed);
    }

    /** Two punched filing holes (6 mm, 80 mm apart) in the left margin of a page scanned at {@code dpi}. */
    static Degradation punchHoles(int dpi) {
        return new PunchHoles(dpi);
    }

    /** Resampling from {@code fromDpi} to {@code toDpi} (e.g. 300 to 200). */
    static Degradation resample(int fromDpi, int toDpi) {
        return new Resampling(fromDpi, toDpi);
    }

    /** Conversion to 8-bit grey ({@link BufferedImage#TYPE_BYTE_GRAY}). */
    static Degradation grey() {
        return new GreyConversion();
    }

    /** Conversion to 1-bit black and white ({@link BufferedImage#TYPE_BYTE_BINARY}) at a luminance threshold. */
    static Degradation bilevel(int threshold) {
        return new Binarization(threshold);
    }

    /** A copy of {@code image} as {@link BufferedImage#TYPE_INT_RGB}. */
    static BufferedImage asRgb(BufferedImage image) {
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return rgb;
    }
}
