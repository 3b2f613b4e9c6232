package vn.sohoa.models.render;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Composite;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.Random;

/**
 * A red round office seal: outer and inner rings, a ring of letter-like marks between them, a five-pointed star
 * in the middle and a short band of marks under it. The marks are shapes, not glyphs: a seal is not text and is
 * never part of the ground truth.
 */
final class RoundSeal {

    static final Color INK = new Color(214, 32, 40);

    private RoundSeal() {
    }

    /** Draws a seal of {@code radius} pixels centred on (cx, cy). */
    static void draw(Graphics2D g, double cx, double cy, double radius, Random random) {
        Composite previous = g.getComposite();
        AffineTransform saved = g.getTransform();
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.82f));
        g.setColor(INK);
        g.setStroke(new BasicStroke((float) (radius * 0.055)));
        g.draw(new Ellipse2D.Double(cx - radius, cy - radius, 2 * radius, 2 * radius));
        double inner = radius * 0.66;
        g.setStroke(new BasicStroke((float) (radius * 0.025)));
        g.draw(new Ellipse2D.Double(cx - inner, cy - inner, 2 * inner, 2 * inner));

        // ring of letter-like marks, upright towards the centre, with a gap at the bottom like a real seal
        double ringRadius = (radius + inner) / 2;
        double markHeight = (radius - inner) * 0.55;
        double start = random.nextDouble() * 0.3;
        int marks = 30 + random.nextInt(8);
        for (int i = 0; i < marks; i++) {
            double angle = Math.PI * 0.62 + start + i * (Math.PI * 1.76 / marks);
            g.setTransform(saved);
            g.translate(cx + ringRadius * Math.cos(angle), cy + ringRadius * Math.sin(angle));
            g.rotate(angle + Math.PI / 2);
            letterMark(g, markHeight, random);
        }
        g.setTransform(saved);

        g.fill(star(cx, cy - inner * 0.12, inner * 0.42));
        // a line of small marks under the star (the office name on real seals)
        double bandWidth = inner * 1.2;
        double x = cx - bandWidth / 2;
        while (x < cx + bandWidth / 2) {
            double w = markHeight * (0.35 + random.nextDouble() * 0.4);
            g.setTransform(saved);
            g.translate(x + w / 2, cy + inner * 0.55);
            letterMark(g, markHeight * 0.8, random);
            x += w + markHeight * 0.25;
        }
        g.setTransform(saved);
        g.setComposite(previous);
    }

    /** A letter-sized cluster of strokes centred on the origin. */
    private static void letterMark(Graphics2D g, double height, Random random) {
        double w = height * (0.45 + random.nextDouble() * 0.35);
        double stroke = height * 0.16;
        g.fill(new Rectangle2D.Double(-w / 2, -height / 2, stroke, height));
        switch (random.nextInt(4)) {
            case 0 -> g.fill(new Rectangle2D.Double(w / 2 - stroke, -height / 2, stroke, height));
            case 1 -> g.fill(new Rectangle2D.Double(-w / 2, -height / 2, w, stroke));
            case 2 -> g.fill(new Rectangle2D.Double(-w / 2, height / 2 - stroke, w, stroke));
            default -> g.fill(new Rectangle2D.Double(-w / 2, -stroke / 2, w, stroke));
        }
    }

    private static Path2D star(double cx, double cy, double outer) {
        Path2D path = new Path2D.Double();
        double innerRadius = outer * 0.38;
        for (int i = 0; i < 10; i++) {
            double r = i % 2 == 0 ? outer : innerRadius;
            double a = -Math.PI / 2 + i * Math.PI / 5;
            double px = cx + r * Math.cos(a);
            double py = cy + r * Math.sin(a);
            if (i == 0) {
                path.moveTo(px, py);
            } else {
                path.lineTo(px, py);
            }
        }
        path.closePath();
        return path;
    }
}
