package vn.sohoa.models.forms;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.CubicCurve2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import vn.sohoa.models.render.PageGroundTruth;
import vn.sohoa.models.render.PixelBox;
import vn.sohoa.models.render.RenderedPage;
import vn.sohoa.models.render.TextLine;
import vn.sohoa.models.render.Typeface;
import vn.sohoa.models.render.Word;

/**
 * Draws a {@link FormDocument} on one A4 page the way one-stop desks print them: for a result, the two-column
 * header of Nghị định 30/2020 (issuer and "Số:" left, motto and date right); for a citizen's form, the motto
 * centred. Then the title in capitals, the "label: value" lines, the place and date, and the signature block
 * on the right with a blue signature (and a red seal for a result). Every word's ink box is recorded as
 * ground truth, as {@link vn.sohoa.models.render.PageRenderer} does. Deterministic for a form and dpi.
 */
public final class FormRenderer {

    private static final double LINE_SPACING = 1.45;
    private final int dpi;
    private final Typeface typeface;

    public FormRenderer(int dpi) {
        this.dpi = dpi;
        this.typeface = Typeface.timesLike();
    }

    public RenderedForm render(FormDocument form) {
        return new RenderedForm(form, List.of(new Page(form).draw()));
    }

    private float px(double mm) {
        return (float) (mm * dpi / 25.4);
    }

    private Font font(Font face, double points) {
        return face.deriveFont((float) (points * dpi / 72.0));
    }

    private enum Align { LEFT, CENTER }

    /** The drawing of one page. */
    private final class Page {
        private final FormDocument form;
        private final int width = Math.round(px(210));
        private final int height = Math.round(px(297));
        private final float left = px(30);
        private final float right = width - px(15);
        private final BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        private final Graphics2D g = image.createGraphics();
        private final FontRenderContext frc;
        private final List<TextLine> lines = new ArrayList<>();
        private final Font regular = font(typeface.regular(), 13);
        private final Font bold = font(typeface.bold(), 13);
        private final Font italic = font(typeface.italic(), 13);
        private final Font title = font(typeface.bold(), 14);
        private float baseline;

        Page(FormDocument form) {
            this.form = form;
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            frc = g.getFontRenderContext();
        }

        RenderedPage draw() {
            header();
            baseline += lead(title) * 0.8f;
            for (String line : form.titleLines()) {
                place(line, title, Align.CENTER, left, right);
                baseline += lead(title);
            }
            baseline += lead(regular) * 0.6f;
            for (String paragraph : form.bodyLines()) {
                for (String line : wrap(paragraph, regular, right - left)) {
                    place(line, regular, Align.LEFT, left, right);
                    baseline += lead(regular);
                }
            }
            signature();
            g.dispose();
            return new RenderedPage(1, dpi, image, new PageGroundTruth(lines));
        }

        private void header() {
            Font issuerFont = bold;
            Font mottoFont = font(typeface.bold(), 12);
            String motto = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
            String slogan = "Độc lập - Tự do - Hạnh phúc";
            float top = px(20) + issuerFont.getSize2D() * 0.9f;
            if (form.issuerLines().isEmpty()) {
                baseline = top;
                place(motto, mottoFont, Align.CENTER, left, right);
                baseline += lead(mottoFont) / LINE_SPACING * 1.2f;
                float w = place(slogan, bold, Align.CENTER, left, right);
                rule((left + right) / 2, w, baseline + px(2.2));
                baseline += lead(bold) * 1.2f;
                if (!form.codeNotation().isEmpty()) {
                    place("Số: " + form.codeNotation(), regular, Align.CENTER, left, right);
                    baseline += lead(regular);
                }
                return;
            }
            float rightWidth = Math.max((right - left) * 0.6f, advance(motto, mottoFont) + px(2));
            float columnRight = right - rightWidth - px(2);
            float rightLeft = right - rightWidth;
            baseline = top;
            for (String line : form.issuerLines()) {
                place(line, issuerFont, Align.CENTER, left, columnRight);
                baseline += issuerFont.getSize2D() * 1.2f;
            }
            float leftRule = baseline - issuerFont.getSize2D() * 1.2f + px(2.2);
            rule((left + columnRight) / 2, px(15), leftRule);
            baseline = top;
            place(motto, mottoFont, Align.CENTER, rightLeft, right);
            baseline += mottoFont.getSize2D() * 1.2f;
            float w = place(slogan, bold, Align.CENTER, rightLeft, right);
            rule((rightLeft + right) / 2, w, baseline + px(2.2));
            float row = Math.max(leftRule, baseline + px(2.2)) + px(3) + regular.getSize2D() * 0.9f;
            baseline = row;
            if (!form.codeNotation().isEmpty()) {
                place("Số: " + form.codeNotation(), regular, Align.CENTER, left, columnRight);
            }
            if (!form.headerDate().isEmpty()) {
                place(form.headerDate(), italic, Align.CENTER, rightLeft, right);
            }
            baseline += lead(regular);
        }

        private void signature() {
            if (form.signerName().isEmpty()) {
                return;
            }
            float columnLeft = left + (right - left) * 0.45f;
            baseline += lead(regular) * 0.4f;
            if (!form.signedDate().isEmpty()) {
                place(form.signedDate(), italic, Align.CENTER, columnLeft, right);
                baseline += lead(regular);
            }
            for (String line : form.signatureLines()) {
                boolean note = line.startsWith("(");
                place(line, note ? italic : bold, Align.CENTER, columnLeft, right);
                baseline += lead(regular) * (note ? 1 : 0.85f);
            }
            Random random = new Random(form.id().hashCode());
            float center = (columnLeft + right) / 2;
            float signatureTop = baseline - px(2);
            g.setColor(new Color(20, 40, 170));
            g.setStroke(new BasicStroke(px(0.45), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            float x = center - px(18);
            for (int i = 0; i < 3; i++) {
                float y = signatureTop + px(4 + random.nextInt(8));
                g.draw(new CubicCurve2D.Float(x, y, x + px(8), y - px(10), x + px(10), y + px(12), x + px(20), y - px(2)));
                x += px(10 + random.nextInt(5));
            }
            if (!form.issuerLines().isEmpty()) {
                g.setColor(new Color(220, 30, 40));
                g.setStroke(new BasicStroke(px(0.8)));
                float r = px(17);
                float cx = center - px(14);
                float cy = signatureTop + px(8);
                g.draw(new Ellipse2D.Float(cx - r, cy - r, 2 * r, 2 * r));
                g.draw(new Ellipse2D.Float(cx - r * 0.7f, cy - r * 0.7f, 1.4f * r, 1.4f * r));
            }
            baseline = signatureTop + px(24);
            place(form.signerName(), bold, Align.CENTER, columnLeft, right);
        }

        private void rule(float center, float width, float y) {
            g.setColor(Color.BLACK);
            g.setStroke(new BasicStroke(px(0.25)));
            g.draw(new Line2D.Float(center - width / 2, y, center + width / 2, y));
        }

        private float lead(Font font) {
            return font.getSize2D() * (float) LINE_SPACING;
        }

        private float advance(String text, Font font) {
            GlyphVector glyphs = font.createGlyphVector(frc, text);
            return (float) glyphs.getGlyphPosition(glyphs.getNumGlyphs()).getX();
        }

        private List<String> wrap(String text, Font font, float widthAvailable) {
            List<String> out = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (String word : text.strip().split("\\s+")) {
                String candidate = current.isEmpty() ? word : current + " " + word;
                if (!current.isEmpty() && advance(candidate, font) > widthAvailable) {
                    out.add(current.toString());
                    current = new StringBuilder(word);
                } else {
                    current = new StringBuilder(candidate);
                }
            }
            if (!current.isEmpty()) {
                out.add(current.toString());
            }
            return out;
        }

        /** Draws a line word by word on the current baseline and records its words; returns its width. */
        private float place(String text, Font font, Align align, float from, float to) {
            // two spaces or more in the text print as a wide gap, as between "Ngày sinh: ..." and "Giới tính: ..."
            String[] words = text.strip().replaceAll("\\s{2,}", " \u0000 ").split("\\s+");
            float space = advance(" ", font);
            float gap = px(12);
            float total = 0;
            for (String word : words) {
                total += word.equals("\u0000") ? gap : advance(word, font) + space;
            }
            total -= space;
            float x = align == Align.CENTER ? from + (to - from - total) / 2 : from;
            List<Word> drawn = new ArrayList<>();
            g.setColor(Color.BLACK);
            for (String word : words) {
                if (word.equals("\u0000")) {
                    x += gap;
                    continue;
                }
                int missing = font.canDisplayUpTo(word);
                if (missing >= 0) {
                    throw new IllegalArgumentException("character in \"" + word + "\" cannot be drawn by " + font.getFontName());
                }
                GlyphVector glyphs = font.createGlyphVector(frc, word);
                g.drawGlyphVector(glyphs, x, baseline);
                Rectangle ink = glyphs.getPixelBounds(frc, x, baseline);
                drawn.add(new Word(word, new PixelBox(ink.x, ink.y, Math.max(1, ink.width), Math.max(1, ink.height))));
                x += advance(word, font) + space;
            }
            lines.add(TextLine.of(drawn));
            return total;
        }
    }
}
