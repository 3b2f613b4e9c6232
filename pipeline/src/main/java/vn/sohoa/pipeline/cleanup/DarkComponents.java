package vn.sohoa.pipeline.cleanup;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

/**
 * The 8-connected dark regions of a grey page (pixels below a threshold) with their bounding boxes and
 * areas, and a way to paint chosen ones white. Border removal and speckle removal both decide on these.
 */
final class DarkComponents {

    /** A component's bounding box and its number of pixels. */
    record Component(int left, int top, int width, int height, int area) {

        int right() {
            return left + width;
        }

        int bottom() {
            return top + height;
        }
    }

    private final int[] labels;
    private final Component[] components;

    private DarkComponents(int[] labels, Component[] components) {
        this.labels = labels;
        this.components = components;
    }

    static DarkComponents of(BufferedImage grey, int threshold) {
        Mat image = MatImages.toMat(grey);
        Mat dark = new Mat();
        Mat labelMat = new Mat();
        Mat stats = new Mat();
        Mat centroids = new Mat();
        try {
            Imgproc.threshold(image, dark, threshold - 1, 255, Imgproc.THRESH_BINARY_INV);
            int count = Imgproc.connectedComponentsWithStats(dark, labelMat, stats, centroids, 8, CvType.CV_32S);
            int[] row = new int[5];
            Component[] components = new Component[count];
            for (int i = 0; i < count; i++) {
                stats.get(i, 0, row);
                components[i] = new Component(row[Imgproc.CC_STAT_LEFT], row[Imgproc.CC_STAT_TOP],
                        row[Imgproc.CC_STAT_WIDTH], row[Imgproc.CC_STAT_HEIGHT], row[Imgproc.CC_STAT_AREA]);
            }
            int[] labels = new int[grey.getWidth() * grey.getHeight()];
            labelMat.get(0, 0, labels);
            return new DarkComponents(labels, components);
        } finally {
            image.release();
            dark.release();
            labelMat.release();
            stats.release();
            centroids.release();
        }
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
        BufferedImage out = new BufferedImage(grey.getWidth(), grey.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        byte[] target = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
        byte[] source = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
        System.arraycopy(source, 0, target, 0, target.length);
        for (int i = 0; i < labels.length; i++) {
            if (erase[labels[i]]) {
                target[i] = (byte) 0xff;
            }
        }
        return out;
    }

}
