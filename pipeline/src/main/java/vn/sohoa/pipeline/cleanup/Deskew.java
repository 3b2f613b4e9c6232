package vn.sohoa.pipeline.cleanup;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

/**
 * Rotates a page by a small angle about its centre, filling the uncovered corners with white paper: OpenCV's
 * bilinear warpAffine on grey and colour byte rasters (keeping their type), Java2D for other layouts.
 */
public final class Deskew {

    private Deskew() {
    }

    /** Rotates counter-clockwise by {@code skewDegrees}, undoing a clockwise tilt of that size. */
    public static BufferedImage straighten(BufferedImage image, double skewDegrees) {
        if (image.getColorModel() instanceof ComponentColorModel) {
            Mat source = MatImages.toMatRaw(image);
            if (source != null && source.depth() == CvType.CV_8U) {
                Mat turned = new Mat();
                try {
                    // OpenCV's positive angle turns counter-clockwise on the screen, as wanted here
                    Mat m = Imgproc.getRotationMatrix2D(new Point(image.getWidth() / 2.0, image.getHeight() / 2.0),
                            skewDegrees, 1.0);
                    Imgproc.warpAffine(source, turned, m, source.size(), Imgproc.INTER_LINEAR,
                            Core.BORDER_CONSTANT, new Scalar(255, 255, 255, 255));
                    m.release();
                    return MatImages.toImageLike(turned, image);
                } finally {
                    source.release();
                    turned.release();
                }
            }
            if (source != null) {
                source.release();
            }
        }
        return straightenJava2d(image, skewDegrees);
    }

    /** Packed-int, 1-bit and palette images: Java2D, nearest neighbour for 1-bit pages. */
    static BufferedImage straightenJava2d(BufferedImage image, double skewDegrees) {
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
