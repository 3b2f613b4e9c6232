package vn.sohoa.pipeline.cleanup;

import java.awt.image.BufferedImage;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/** A smaller copy of a grey page, for the steps that need less detail than OCR (orientation detection). */
public final class Downscale {

    /** The page and its resolution after scaling. */
    public record Scaled(BufferedImage grey, float dpi) {
    }

    private Downscale() {
    }

    /** The page scaled down by area averaging to at most {@code maxDpi}; the page itself when already there. */
    public static Scaled toAtMost(BufferedImage grey, float dpi, float maxDpi) {
        if (dpi <= maxDpi * 1.05f) {
            return new Scaled(grey, dpi);
        }
        double factor = maxDpi / dpi;
        Mat source = MatImages.toMat(grey);
        Mat small = new Mat();
        try {
            Imgproc.resize(source, small, new Size(Math.max(1, Math.round(grey.getWidth() * factor)),
                    Math.max(1, Math.round(grey.getHeight() * factor))), 0, 0, Imgproc.INTER_AREA);
            return new Scaled(MatImages.toGrey(small), maxDpi);
        } finally {
            source.release();
            small.release();
        }
    }
}
