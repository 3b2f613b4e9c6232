package vn.sohoa.pipeline.cleanup;

import java.util.concurrent.ConcurrentLinkedDeque;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

/**
 * Room for one page's label image (one int a pixel: 34 MB at 300 dpi), in OpenCV and in Java, kept from page to
 * page. A label image is larger than the largest block glibc's malloc serves from its arenas (32 MB), so a fresh
 * one is a fresh mapping of the kernel's, zeroed page by page at every labelling: on the 2-core VMs that was 30
 * ms a 300 dpi page, 4 % of the CPU time of the real scans (perf: clear_page_erms under OpenCV's labelling).
 * Buffers are lent out one per labelling in progress, so there are as many as pages labelled at once.
 */
final class LabelBuffer {

    private static final ConcurrentLinkedDeque<LabelBuffer> FREE = new ConcurrentLinkedDeque<>();

    /** Buffers for pages up to A3 at 300 dpi (17.5 million pixels) are kept; larger ones are freed. */
    static final int KEPT_PIXELS = 20_000_000;

    private Mat whole;
    private int[] java = new int[0];

    private LabelBuffer() {
    }

    /** A buffer no one else is using; {@link #giveBack} it when its labels are no longer needed. */
    static LabelBuffer borrow() {
        LabelBuffer buffer = FREE.pollFirst();
        return buffer != null ? buffer : new LabelBuffer();
    }

    void giveBack() {
        if (whole != null && whole.cols() > KEPT_PIXELS) {
            whole.release();
            whole = null;
            java = new int[0];
        }
        FREE.offerFirst(this);
    }

    /**
     * A continuous {@code height} x {@code width} CV_32S Mat over this buffer's memory, which OpenCV's labelling
     * fills in place (its output already has the size and type it wants); valid until the next call.
     */
    Mat labels(int width, int height) {
        long needed = (long) width * height;
        if (needed > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a page of " + width + " x " + height + " pixels is too large to label");
        }
        if (whole == null || whole.cols() < needed) {
            if (whole != null) {
                whole.release();
            }
            whole = new Mat(1, (int) needed, CvType.CV_32SC1);
        }
        Mat row = whole.colRange(0, (int) needed);
        try {
            return row.reshape(1, height);
        } finally {
            row.release();
        }
    }

    /** The labels of {@code mat} (from {@link #labels}) copied into a Java array of at least its size. */
    int[] inJava(Mat mat) {
        int size = mat.rows() * mat.cols();
        if (java.length < size) {
            java = new int[size];
        }
        mat.get(0, 0, java);
        return java;
    }
}
