package vn.sohoa.pipeline.cleanup;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/** A page is blank when almost none of its inner area (margins excluded) is ink. */
public final class BlankPageDetector {

    /** Share of dark pixels below which a page counts as blank. */
    private final double maxInkShare;

    public BlankPageDetector(double maxInkShare) {
        this.maxInkShare = maxInkShare;
    }

    public BlankPageDetector() {
        this(0.0015);
    }

    public boolean isBlank(BufferedImage grey) {
        byte[] data = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
        int width = grey.getWidth();
        int height = grey.getHeight();
        int mx = width / 20;
        int my = height / 20;
        long dark = 0;
        long total = 0;
        for (int y = my; y < height - my; y += 2) {
            int offset = y * width;
            for (int x = mx; x < width - mx; x += 2) {
                total++;
                if ((data[offset + x] & 0xff) < 128) {
                    dark++;
                }
            }
        }
        return total == 0 || (double) dark / total < maxInkShare;
    }
}
