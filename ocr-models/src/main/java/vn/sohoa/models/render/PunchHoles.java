package vn.sohoa.models.render;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;

/**
 * Two filing holes (ISO 838: 6 mm across, 80 mm apart, centred 12 mm from the edge) in the left margin, dark
 * as the scanner lid seen through them.
 */
public record PunchHoles(int dpi) implements Degradation {

    @Override
    public BufferedImage apply(BufferedImage image) {
        BufferedImage out = Degradation.asRgb(image);
        double mm = dpi / 25.4;
        double radius = 3 * mm;
        double cx = 12 * mm;
        double middle = out.getHeight() / 2.0;
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(28, 28, 30));
        for (double cy : new double[] {middle - 40 * mm, middle + 40 * mm}) {
            g.fill(new Ellipse2D.Double(cx - radius, cy - radius, 2 * radius, 2 * radius));
        }
        g.dispose();
        return out;
    }

    @Override
    public String name() {
        return "holes";
    }
}
