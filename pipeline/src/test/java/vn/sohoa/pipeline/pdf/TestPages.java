package vn.sohoa.pipeline.pdf;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import vn.sohoa.pipeline.ocr.Box;
import vn.sohoa.pipeline.ocr.OcrLine;
import vn.sohoa.pipeline.ocr.OcrPage;
import vn.sohoa.pipeline.ocr.OcrWord;

/**
 * Rendered test pages: Vietnamese lines drawn in DejaVu Sans onto an image of a chosen type, with the
 * words' boxes as OCR would report them, so the text layer can be checked against known words.
 */
public final class TestPages {

    public static final List<String> LINES = List.of(
            "ỦY BAN NHÂN DÂN THÀNH PHỐ Hồ Chí Minh",
            "Quyết định về việc Đường giao thông ướt",
            "Ủy ban nhân dân phường Bến Nghé");

    static final float DPI = 100f;

    /** An A4 page at {@link #DPI} of the given image type, the lines of text with a red seal and a blue stroke. */
    public static PdfPage page(int number, int imageType) {
        int width = Math.round(8.27f * DPI);
        int height = Math.round(11.69f * DPI);
        BufferedImage rgb = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = rgb.createGraphics();
        List<OcrLine> lines = new ArrayList<>();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(imageType == BufferedImage.TYPE_INT_ARGB ? new Color(255, 255, 255, 0) : Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setFont(font().deriveFont(22f));
            FontMetrics metrics = g.getFontMetrics();
            int y = 120;
            for (String text : LINES) {
                int x = 80;
                List<OcrWord> words = new ArrayList<>();
                g.setColor(Color.BLACK);
                for (String word : text.split(" ")) {
                    int w = metrics.stringWidth(word);
                    g.drawString(word, x, y);
                    words.add(new OcrWord(word, new Box(x, y - metrics.getAscent(), x + w, y + metrics.getDescent()), 95f));
                    x += w + metrics.stringWidth(" ");
                }
                lines.add(new OcrLine(words, words.get(0).box().union(words.get(words.size() - 1).box())));
                y += 60;
            }
            g.setColor(new Color(200, 30, 30));
            g.drawOval(width - 300, height - 300, 180, 180);
            g.setColor(new Color(30, 30, 200));
            g.drawLine(100, height - 200, 400, height - 150);
        } finally {
            g.dispose();
        }
        return new PdfPage(convert(rgb, imageType), DPI, new OcrPage(number, width, height, DPI, lines));
    }

    static String text() {
        return String.join("\n", LINES);
    }

    private static BufferedImage convert(BufferedImage argb, int imageType) {
        if (imageType == BufferedImage.TYPE_INT_ARGB) {
            return argb;
        }
        BufferedImage out = imageType == BufferedImage.TYPE_BYTE_INDEXED
                ? new BufferedImage(argb.getWidth(), argb.getHeight(), imageType, palette())
                : new BufferedImage(argb.getWidth(), argb.getHeight(), imageType);
        Graphics2D g = out.createGraphics();
        try {
            g.drawImage(argb, 0, 0, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** A 16-colour palette: greys, red and blue, as a palette PNG of a scan would have. */
    private static IndexColorModel palette() {
        byte[] r = new byte[16], gr = new byte[16], b = new byte[16];
        for (int i = 0; i < 14; i++) {
            r[i] = gr[i] = b[i] = (byte) (i * 255 / 13);
        }
        r[14] = (byte) 200; gr[14] = 30; b[14] = 30;
        r[15] = 30; gr[15] = 30; b[15] = (byte) 200;
        return new IndexColorModel(8, 16, r, gr, b);
    }

    private static Font font() {
        try {
            return Font.createFont(Font.TRUETYPE_FONT, new File("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"));
        } catch (Exception e) {
            throw new IllegalStateException("DejaVu Sans is needed to render test pages: install fonts-dejavu-core", e);
        }
    }

    private TestPages() {
    }
}
