package vn.sohoa.pipeline.cleanup;

import java.awt.image.BufferedImage;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.Raster;
import java.awt.image.SinglePixelPackedSampleModel;
import java.awt.image.WritableRaster;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

/** Conversions between 8-bit grey {@link BufferedImage}s and OpenCV {@link Mat}s (CV_8UC1), copying the pixels. */
public final class MatImages {

    private MatImages() {
    }

    public static Mat toMat(BufferedImage grey) {
        OpenCv.load();
        if (grey.getType() != BufferedImage.TYPE_BYTE_GRAY) {
            throw new IllegalArgumentException("expected an 8-bit grey image, got type " + grey.getType());
        }
        int width = grey.getWidth();
        int height = grey.getHeight();
        byte[] pixels = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
        int stride = grey.getRaster().getSampleModel() instanceof ComponentSampleModel csm ? csm.getScanlineStride() : width;
        Mat mat = new Mat(height, width, CvType.CV_8UC1);
        if (stride == width && pixels.length == width * height) {
            mat.put(0, 0, pixels);
        } else {
            for (int y = 0; y < height; y++) {
                mat.put(y, 0, java.util.Arrays.copyOfRange(pixels, y * stride, y * stride + width));
            }
        }
        return mat;
    }

    public static BufferedImage toGrey(Mat mat) {
        if (mat.type() != CvType.CV_8UC1) {
            throw new IllegalArgumentException("expected a CV_8UC1 Mat, got " + CvType.typeToString(mat.type()));
        }
        BufferedImage grey = new BufferedImage(mat.cols(), mat.rows(), BufferedImage.TYPE_BYTE_GRAY);
        mat.get(0, 0, ((DataBufferByte) grey.getRaster().getDataBuffer()).getData());
        return grey;
    }

    /**
     * The pixels of an image whose raster is one plain array without gaps, as a Mat with one element per
     * pixel: interleaved bytes (grey, BGR, ABGR, 8-bit palette) as CV_8UC(bands), packed ints (INT_RGB,
     * INT_ARGB) as CV_32SC1. Null for any other layout (1-bit packed, sub-rasters, banded), which callers
     * handle the slow way. The Mat is a copy; {@link #toImageLike} makes an image of the same kind back.
     */
    public static Mat toMatRaw(BufferedImage image) {
        OpenCv.load();
        Raster raster = image.getRaster();
        if (raster.getParent() != null || raster.getSampleModelTranslateX() != 0 || raster.getSampleModelTranslateY() != 0
                || raster.getDataBuffer().getNumBanks() != 1) {
            return null;
        }
        int width = image.getWidth();
        int height = image.getHeight();
        if (raster.getDataBuffer() instanceof DataBufferByte bytes
                && raster.getSampleModel() instanceof ComponentSampleModel csm
                && csm.getPixelStride() == csm.getNumBands() && csm.getNumBands() <= 4
                && csm.getScanlineStride() == width * csm.getPixelStride()
                && bytes.getOffset() == 0 && bytes.getData().length == csm.getScanlineStride() * height
                && isOrderedPermutation(csm.getBandOffsets())) {
            Mat mat = new Mat(height, width, CvType.CV_8UC(csm.getNumBands()));
            mat.put(0, 0, bytes.getData());
            return mat;
        }
        if (raster.getDataBuffer() instanceof DataBufferInt ints
                && raster.getSampleModel() instanceof SinglePixelPackedSampleModel sppm
                && sppm.getScanlineStride() == width && ints.getOffset() == 0 && ints.getData().length == width * height) {
            Mat mat = new Mat(height, width, CvType.CV_32SC1);
            mat.put(0, 0, ints.getData());
            return mat;
        }
        return null;
    }

    private static boolean isOrderedPermutation(int[] offsets) {
        boolean[] seen = new boolean[offsets.length];
        for (int o : offsets) {
            if (o < 0 || o >= offsets.length || seen[o]) {
                return false;
            }
            seen[o] = true;
        }
        return true;
    }

    /** An image of the same type, colour model and band layout as {@code like}, holding {@code mat}'s pixels. */
    public static BufferedImage toImageLike(Mat mat, BufferedImage like) {
        WritableRaster raster = like.getRaster().createCompatibleWritableRaster(mat.cols(), mat.rows());
        if (raster.getDataBuffer() instanceof DataBufferByte bytes) {
            mat.get(0, 0, bytes.getData());
        } else {
            mat.get(0, 0, ((DataBufferInt) raster.getDataBuffer()).getData());
        }
        return new BufferedImage(like.getColorModel(), raster, like.isAlphaPremultiplied(), null);
    }
}
