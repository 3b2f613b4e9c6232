package vn.sohoa.models.render;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Locale;

/** A small rotation about the page centre (a page fed crooked), same size, uncovered corners white. */
public record Skew(double degrees) implements Degradation {

    public Skew {
        if (Math.abs(degrees) > 15) {
            throw new IllegalArgumentException("skew is for small angles (at most 15 degrees), was " + degrees);
        }
    }

    @Override
    public BufferedImage apply(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.rotate(Math.toRadians(degrees), w / 2.0, h / 2.0);
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return out;
    }

    @Override
    public String name() {
        return String.format(Locale.ROOT, "skew%+.2f", degrees);
    }
}
