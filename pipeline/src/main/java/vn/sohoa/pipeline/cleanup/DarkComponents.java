package vn.sohoa.pipeline.cleanup;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

/**
 * The 8-connected dark regions of a grey page (pixels below a threshold) with their bounding boxes and
 * areas, and a way to paint chosen ones white. Border removal and speckle removal both decide on these, on
 * one labelling when the page allows it ({@link #noneBetween}). Holds a {@link LabelBuffer} with OpenCV's label
 * image until closed; the labels are copied into Java (34 MB at 300 dpi) only when regions are painted.
 */
final class DarkComponents implements AutoCloseable {

    /** A component's bounding box and its number of pixels. */
    record Component(int left, int top, int width, int height, int area) {

        int right() {
            return left + width;
        }

        int bottom() {
            return top + height;
        }
    }

    private final LabelBuffer buffer;
    private final Mat labelMat;
    private final Component[] components;
    private int[] labels;
    private boolean closed;

    private DarkComponents(LabelBuffer buffer, Mat labelMat, Component[] components) {
        this.buffer = buffer;
        this.labelMat = labelMat;
        this.components = components;
    }

    static DarkComponents of(BufferedImage grey, int threshold) {
        Mat image = MatImages.toMat(grey);
        Mat dark = new Mat();
        LabelBuffer buffer = LabelBuffer.borrow();
        Mat labelMat = buffer.labels(grey.getWidth(), grey.getHeight());
        Mat stats = new Mat();
        Mat centroids = new Mat();
        try {
            Imgproc.threshold(image, dark, threshold - 1, 255, Imgproc.THRESH_BINARY_INV);
            int count = Imgproc.connectedComponentsWithStats(dark, labelMat, stats, centroids, 8, CvType.CV_32S);
            // all rows at once: one call per component cost 1-2 µs each, and a noisy page has tens of thousands
            int[] all = new int[count * stats.cols()];
            stats.get(0, 0, all);
            Component[] components = new Component[count];
            for (int i = 0, row = 0; i < count; i++, row += stats.cols()) {
                components[i] = new Component(all[row + Imgproc.CC_STAT_LEFT], all[row + Imgproc.CC_STAT_TOP],
                        all[row + Imgproc.CC_STAT_WIDTH], all[row + Imgproc.CC_STAT_HEIGHT], all[row + Imgproc.CC_STAT_AREA]);
            }
            return new DarkComponents(buffer, labelMat, components);
        } catch (RuntimeException e) {
            labelMat.release();
            buffer.giveBack();
            throw e;
        } finally {
            image.release();
            dark.release();
            stats.release();
            centroids.release();
        }
    }

    /**
     * Whether no pixel of {@code grey} lies in [{@code from}, {@code to}): the dark regions below {@code to}
     * are then exactly those below {@code from} (a bilevel page's grey copy has only black and white).
     */
    static boolean noneBetween(BufferedImage grey, int from, int to) {
        byte[] pixels = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
        for (byte p : pixels) {
            int v = p & 0xff;
            if (v >= from && v < to) {
                return false;
            }
        }
        return true;
    }

    /** Component {@code i}, for {@code i} from 1 to {@link #count()} - 1 (0 is the paper). */
    Component get(int i) {
        return components[i];
    }

    int count() {
        return components.length;
    }

    /** A copy of {@code grey} with the pixels of the components marked in {@code erase} set to white. */
    BufferedImage erase(BufferedImage grey, boolean[] erase) {
        if (labels == null) {
            labels = buffer.inJava(labelMat);
        }
        BufferedImage out = new BufferedImage(grey.getWidth(), grey.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        byte[] target = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
        byte[] source = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
        System.arraycopy(source, 0, target, 0, target.length);
        for (int i = 0; i < target.length; i++) {
            if (erase[labels[i]]) {
                target[i] = (byte) 0xff;
            }
        }
        return out;
    }

    @Override
    public void close() {
        // once only: a buffer given back twice would be lent to two labellings at once
        if (closed) {
            return;
        }
        closed = true;
        labelMat.release();
        labels = null;
        buffer.giveBack();
    }
}
