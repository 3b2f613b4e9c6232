package vn.sohoa.models.render;

import java.awt.image.BufferedImage;
import java.util.Random;

/**
 * Dark margins where the scanner saw its lid or the platen edge: one or two sides (chosen by the seed), each
 * 1.5 to 5 % of the page deep with a ragged inner edge and a little grain.
 */
public record ScannerBorders(long seed) implements Degradation {

    @Override
    public BufferedImage apply(BufferedImage image) {
        BufferedImage out = Degradation.asRgb(image);
        int w = out.getWidth();
        int h = out.getHeight();
        Random random = new Random(seed);
        int first = random.nextInt(4);
        int sides = 1 + random.nextInt(2);
        for (int s = 0; s < sides; s++) {
            int side = (first + s * (1 + random.nextInt(3))) % 4;
            boolean vertical = side == 0 || side == 2; // left or right edge
            int length = vertical ? h : w;
            int span = vertical ? w : h;
            double depth = span * (0.015 + random.nextDouble() * 0.035);
            double slope = (random.nextDouble() - 0.5) * depth * 0.8 / length;
            for (int along = 0; along < length; along++) {
                depth = Math.max(2, depth + (random.nextDouble() - 0.5) * 1.5);
                int d = (int) Math.min(span, depth + slope * along);
                for (int k = 0; k < d; k++) {
                    int across = side == 0 || side == 1 ? k : span - 1 - k;
                    int x = vertical ? across : along;
                    int y = vertical ? along : across;
                    int grey = 18 + random.nextInt(22);
                    out.setRGB(x, y, grey << 16 | grey << 8 | grey);
                }
            }
        }
        return out;
    }

    @Override
    public String name() {
        return "borders";
    }
}
