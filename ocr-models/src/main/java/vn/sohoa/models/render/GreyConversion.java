package vn.sohoa.models.render;

import java.awt.image.BufferedImage;

/** 8-bit grey, luminance 0.299 R + 0.587 G + 0.114 B: red seals become mid-grey, as on a grey scanner. */
public record GreyConversion() implements Degradation {

    @Override
    public BufferedImage apply(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        int[] row = new int[w];
        byte[] grey = new byte[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                grey[x] = (byte) luminance(row[x]);
            }
            out.getRaster().setDataElements(0, y, w, 1, grey);
        }
        return out;
    }

    static int luminance(int rgb) {
        return (int) Math.round(0.299 * ((rgb >> 16) & 0xff) + 0.587 * ((rgb >> 8) & 0xff) + 0.114 * (rgb & 0xff));
    }

    @Override
    public String name() {
        return "grey";
    }
}
