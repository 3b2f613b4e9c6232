package vn.sohoa.pipeline.cleanup;

import java.awt.image.BufferedImage;

/**
 * A page after cleanup. {@code display} is the original colour image turned upright and straightened,
 * which goes into the archive PDF; {@code forOcr} is the 8-bit grey image with coloured ink suppressed,
 * with the same geometry, so word boxes found on it fit {@code display} too. {@code rotation} is the
 * clockwise cardinal rotation applied, {@code skewDegrees} the small rotation removed afterwards.
 */
public record CleanPage(int number, BufferedImage display, BufferedImage forOcr, float dpi,
                        int rotation, double skewDegrees, boolean blank) {
}
