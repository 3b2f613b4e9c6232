package vn.sohoa.pipeline.cleanup;

import java.awt.image.BufferedImage;

/**
 * How cleanup turned a page upright: first a clockwise rotation by a multiple of 90 degrees, then a small
 * counter-clockwise rotation about the centre by {@code skewDegrees} (none below {@link #MIN_SKEW_DEGREES}).
 */
public record PageGeometry(int rotation, double skewDegrees) {

    /** Below this skew a page is left alone: rotating costs sharpness for no gain. */
    public static final double MIN_SKEW_DEGREES = 0.1;

    public static final PageGeometry UPRIGHT = new PageGeometry(0, 0);

    public PageGeometry {
        rotation = Math.floorMod(rotation, 360);
        if (rotation % 90 != 0) {
            throw new IllegalArgumentException("not a cardinal rotation: " + rotation);
        }
    }

    public boolean deskews() {
        return Math.abs(skewDegrees) >= MIN_SKEW_DEGREES;
    }

    /** The image turned and straightened as cleanup turned and straightened the page. */
    public BufferedImage apply(BufferedImage image) {
        BufferedImage turned = CardinalRotation.rotate(image, rotation);
        return deskews() ? Deskew.straighten(turned, skewDegrees) : turned;
    }
}
