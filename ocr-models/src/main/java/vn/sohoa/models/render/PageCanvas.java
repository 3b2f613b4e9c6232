package vn.sohoa.models.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * One page being drawn: white paper, anti-aliased black text placed word by word, and a record of every word's
 * ink box. Words are drawn as glyph vectors at fractional positions and their boxes are the pixel bounds of
 * those same glyph vectors, so the ground truth is exactly what is on the page.
 */
final class PageCanvas {

    private final BufferedImage image;
    private final Graphics2D graphics;
    private final FontRenderContext frc;
    private final List<TextLine> lines = new ArrayList<>();

    PageCanvas(int width, int height) {
        image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        graphics = image.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, width, height);
        graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        graphics.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        graphics.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        frc = graphics.getFontRenderContext();
    }

    int width() {
        return image.getWidth();
    }

    int height() {
        return image.getHeight();
    }

    /** Horizontal advance of {@code text} in {@code font}, as it will be drawn. */
    float advance(String text, Font font) {
        GlyphVector glyphs = font.createGlyphVector(frc, text);
        return (float) glyphs.getGlyphPosition(glyphs.getNumGlyphs()).getX();
    }

    /**
     * Draws one line: word {@code i} with its left edge at {@code xs[i]}, all on {@code baseline}; records it
     * as a ground-truth line.
     *
     * @throws IllegalArgumentException if a word has a character the font cannot draw
     */
    void drawLine(List<StyledWord> words, float[] xs, float baseline) {
        List<Word> drawn = new ArrayList<>(words.size());
        graphics.setColor(Color.BLACK);
        for (int i = 0; i < words.size(); i++) {
            StyledWord word = words.get(i);
            int missing = word.font().canDisplayUpTo(word.text());
            if (missing >= 0) {
                throw new IllegalArgumentException(String.format("character U+%04X in \"%s\" cannot be drawn by %s",
                        word.text().codePointAt(missing), word.text(), word.font().getFontName()));
            }
            GlyphVector glyphs = word.font().createGlyphVector(frc, word.text());
            graphics.drawGlyphVector(glyphs, xs[i], baseline);
            Rectangle ink = glyphs.getPixelBounds(frc, xs[i], baseline);
            if (ink.isEmpty()) {
                // a word with no ink (cannot happen for printable text, but keep boxes valid)
                ink = new Rectangle(Math.round(xs[i]), Math.round(baseline) - 1, 1, 1);
            }
            drawn.add(new Word(word.text(), new PixelBox(ink.x, ink.y, ink.width, ink.height)));
        }
        lines.add(TextLine.of(drawn));
    }

    /** A thin horizontal rule (not text). */
    void drawRule(float x1, float x2, float y, float thickness) {
        graphics.setColor(Color.BLACK);
        graphics.setStroke(new BasicStroke(thickness));
        graphics.draw(new Line2D.Float(x1, y, x2, y));
    }

    /** Graphics for marks that are not text (signature, seal); the caller disposes nothing. */
    Graphics2D graphics() {
        return graphics;
    }

    RenderedPage finish(int pageNumber, int dpi) {
        graphics.dispose();
        return new RenderedPage(pageNumber, dpi, image, new PageGroundTruth(lines));
    }
}
