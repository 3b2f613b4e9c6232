package vn.sohoa.models.render;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Composite;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.util.Random;

/** A blue handwritten-looking signature: a few cursive loops and an underline flourish, in ballpoint ink. */
final class HandSignature {

    static final Color INK = new Color(24, 52, 178);

    private HandSignature() {
    }

    /** Draws a signature inside the box (x, y, width, height); {@code pen} is the stroke width in pixels. */
    static void draw(Graphics2D g, double x, double y, double width, double height, double pen, Random random) {
        Path2D path = new Path2D.Double();
        double midY = y + height * 0.55;
        double px = x;
        double py = midY + (random.nextDouble() - 0.5) * height * 0.3;
        path.moveTo(px, py);
        int loops = 3 + random.nextInt(3);
        double step = width * 0.75 / loops;
        for (int i = 0; i < loops; i++) {
            double top = y + random.nextDouble() * height * 0.25;
            double bottom = y + height * (0.7 + random.nextDouble() * 0.3);
            double nx = px + step * (0.8 + random.nextDouble() * 0.4);
            // up-stroke to a loop top, back down past the start: a cursive letter
            path.curveTo(px + step * 0.9, top, px - step * 0.3, top, px + step * 0.2, bottom);
            path.curveTo(px + step * 0.4, bottom + height * 0.05, nx - step * 0.2, midY, nx, midY - height * 0.1);
            px = nx;
        }
        // flourish: a long stroke back under the name and out to the right
        double endX = x + width;
        path.curveTo(px + step, y + height * 0.2, endX, y + height * 0.4, x + width * 0.15, y + height * 0.85);
        path.curveTo(x + width * 0.4, y + height * 0.75, x + width * 0.8, y + height * 0.7, endX,
                y + height * (0.55 + random.nextDouble() * 0.2));

        Composite previous = g.getComposite();
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.92f));
        g.setColor(INK);
        g.setStroke(new BasicStroke((float) pen, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(path);
        g.setComposite(previous);
    }
}
