package vn.sohoa.pipeline.cleanup;

import java.awt.image.BufferedImage;

/**
 * Grey conversion that drops coloured ink: red seals and blue signatures are strongly saturated, printed
 * text is not. A saturated pixel takes the value of its brightest channel (red ink becomes light, blue ink
 * becomes light), every other pixel its luminance. Black text under a seal stays dark because it is dark in
 * every channel.
 */
public final class InkSuppression {

    /** Saturation (max - min channel) above which a pixel counts as coloured ink. */
    private final int chromaThreshold;

    public InkSuppression(int chromaThreshold) {
        this.chromaThreshold = chromaThreshold;
    }

    public InkSuppression() {
        this(60);
    }

    public BufferedImage apply(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        BufferedImage grey = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] out = ((java.awt.image.DataBufferByte) grey.getRaster().getDataBuffer()).getData();
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            int offset = y * width;
            for (int x = 0; x < width; x++) {
                int rgb = row[x];
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                int max = Math.max(r, Math.max(g, b));
                int min = Math.min(r, Math.min(g, b));
                int value = max - min > chromaThreshold ? max : (r * 299 + g * 587 + b * 114) / 1000;
                out[offset + x] = (byte) value;
            }
        }
        return grey;
    }
}
