package vn.sohoa.pipeline.cleanup;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;

/** Rotates a page by a small angle about its centre, filling the uncovered corners with white paper. */
public final class Deskew {

    private Deskew() {
    }

    /** Rotates counter-clockwise by {@code skewDegrees}, undoing a clockwise tilt of that size. */
    public static BufferedImage straighten(BufferedImage image, double skewDegrees) {
        boolean bilevel = image.getType() == BufferedImage.TYPE_BYTE_BINARY && image.getColorModel().getPixelSize() == 1;
        int type = switch (image.getType()) {
            case BufferedImage.TYPE_BYTE_GRAY, BufferedImage.TYPE_BYTE_BINARY -> image.getType();
            default -> BufferedImage.TYPE_INT_RGB;
        };
        BufferedImage out = bilevel
                ? new BufferedImage(image.getWidth(), image.getHeight(), type, (java.awt.image.IndexColorModel) image.getColorModel())
                : new BufferedImage(image.getWidth(), image.getHeight(), type);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, bilevel
                    ? RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR : RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(image, AffineTransform.getRotateInstance(Math.toRadians(-skewDegrees),
                    image.getWidth() / 2.0, image.getHeight() / 2.0), null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
