package vn.sohoa.pipeline.cleanup;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBufferByte;
import java.awt.image.MultiPixelPackedSampleModel;
import java.awt.image.WritableRaster;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

/**
 * Rotates a page by a small angle about its centre, filling the uncovered corners with white paper: OpenCV's
 * bilinear warpAffine on grey and colour byte rasters (keeping their type), nearest neighbour on 1-bit pages
 * (kept 1-bit for G4), Java2D for other layouts.
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
        if (image.getType() == BufferedImage.TYPE_BYTE_BINARY && image.getColorModel().getPixelSize() == 1
                && image.getRaster().getParent() == null
                && image.getRaster().getSampleModel() instanceof MultiPixelPackedSampleModel) {
            return straightenBilevel(image, skewDegrees);
        }
        return straightenJava2d(image, skewDegrees);
    }

    /** A 1-bit page: its indices unpacked to bytes, turned by nearest neighbour (no grey appears), packed again. */
    private static BufferedImage straightenBilevel(BufferedImage image, double skewDegrees) {
        OpenCv.load();
        int w = image.getWidth();
        int h = image.getHeight();
        WritableRaster raster = image.getRaster();
        int stride = ((MultiPixelPackedSampleModel) raster.getSampleModel()).getScanlineStride();
        byte[] packed = ((DataBufferByte) raster.getDataBuffer()).getData();
        byte[] indices = new byte[w * h];
        for (int y = 0; y < h; y++) {
            int in = y * stride;
            int o = y * w;
            for (int x = 0; x < w; x++) {
                indices[o + x] = (byte) ((packed[in + (x >> 3)] >> (7 - (x & 7))) & 1);
            }
        }
        ColorModel model = image.getColorModel();
        int white = (model.getRGB(1) & 0xff) > (model.getRGB(0) & 0xff) ? 1 : 0;
        Mat source = new Mat(h, w, CvType.CV_8UC1);
        Mat turned = new Mat();
        try {
            source.put(0, 0, indices);
            Mat m = Imgproc.getRotationMatrix2D(new Point(w / 2.0, h / 2.0), skewDegrees, 1.0);
            Imgproc.warpAffine(source, turned, m, source.size(), Imgproc.INTER_NEAREST, Core.BORDER_CONSTANT,
                    new Scalar(white));
            m.release();
            turned.get(0, 0, indices);
        } finally {
            source.release();
            turned.release();
        }
        WritableRaster out = raster.createCompatibleWritableRaster(w, h);
        int outStride = ((MultiPixelPackedSampleModel) out.getSampleModel()).getScanlineStride();
        byte[] bits = ((DataBufferByte) out.getDataBuffer()).getData();
        for (int y = 0; y < h; y++) {
            int o = y * outStride;
            int in = y * w;
            for (int x = 0; x < w; x++) {
                if (indices[in + x] != 0) {
                    bits[o + (x >> 3)] |= (byte) (0x80 >>> (x & 7));
                }
            }
        }
        return new BufferedImage(model, out, false, null);
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
