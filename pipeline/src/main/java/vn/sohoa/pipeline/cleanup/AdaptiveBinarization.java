package vn.sohoa.pipeline.cleanup;

import java.awt.image.BufferedImage;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

/**
 * Black and white by a threshold that follows the page: each pixel is compared with the Gaussian-weighted
 * mean of its neighbourhood (about 2 mm, a few character strokes) minus an offset, so uneven lighting,
 * yellowed paper and faint print are each judged locally rather than by one global threshold.
 */
public final class AdaptiveBinarization {

    private static final double OFFSET = 12;

    public BufferedImage apply(BufferedImage grey, float dpi) {
        int block = Math.max(3, Math.round(dpi / 12.7f) | 1);
        Mat source = MatImages.toMat(grey);
        Mat binary = new Mat();
        try {
            Imgproc.adaptiveThreshold(source, binary, 255, Imgproc.ADAPTIVE_THRESH_GAUSSIAN_C, Imgproc.THRESH_BINARY,
                    block, OFFSET);
            return MatImages.toGrey(binary);
        } finally {
            source.release();
            binary.release();
        }
    }
}
