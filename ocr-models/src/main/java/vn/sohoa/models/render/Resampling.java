package vn.sohoa.models.render;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** Change of resolution (e.g. a 300 dpi page as a 200 dpi scanner would give it), bicubic. */
public record Resampling(int fromDpi, int toDpi) implements Degradation {

    public Resampling {
        if (fromDpi <= 0 || toDpi <= 0) {
            throw new IllegalArgumentException("resolutions must be positive: " + fromDpi + " -> " + toDpi);
        }
    }

    @Override
    public BufferedImage apply(BufferedImage image) {
        int w = Math.max(1, (int) Math.round(image.getWidth() * (double) toDpi / fromDpi));
        int h = Math.max(1, (int) Math.round(image.getHeight() * (double) toDpi / fromDpi));
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(image, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    @Override
    public String name() {
        return "dpi" + fromDpi + "to" + toDpi;
    }
}
