package vn.sohoa.pipeline.cleanup;

import java.awt.image.BufferedImage;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
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
}
