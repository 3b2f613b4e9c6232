package vn.sohoa.scanner.coversheet;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/** What a scanner does to a printed sheet, for tests: rasterize, skew, turn, speckle, threshold. */
final class PaperScan {

    private PaperScan() {
    }

    static BufferedImage rasterize(byte[] pdf, int page, float dpi) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFRenderer(document).renderImageWithDPI(page, dpi, ImageType.GRAY);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Turned by {@code degrees} about the centre, on white paper, same size. */
    static BufferedImage rotated(BufferedImage image, double degrees) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.rotate(Math.toRadians(degrees), image.getWidth() / 2.0, image.getHeight() / 2.0);
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return out;
    }

    /** Sensor noise (Gaussian, sigma grey levels) and dust specks, reproducible from the seed. */
    static BufferedImage noisy(BufferedImage image, double sigma, int specks, long seed) {
        Random random = new Random(seed);
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        g.drawImage(image, 0, 0, null);
        byte[] pixels = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < pixels.length; i++) {
            int grey = (pixels[i] & 0xff) + (int) (random.nextGaussian() * sigma);
            pixels[i] = (byte) Math.max(0, Math.min(255, grey));
        }
        g.setColor(Color.BLACK);
        for (int i = 0; i < specks; i++) {
            int size = 1 + random.nextInt(4);
            g.fillOval(random.nextInt(out.getWidth()), random.nextInt(out.getHeight()), size, size);
        }
        g.dispose();
        return out;
    }

    /** A 1-bit page as a bilevel scanner mode gives it. */
    static BufferedImage bilevel(BufferedImage image) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
        Graphics2D g = out.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return out;
    }

    /** An A4 page of printed lines (no codes) at the given resolution. */
    static BufferedImage textPage(int dpi) {
        int width = Math.round(8.27f * dpi);
        int height = Math.round(11.69f * dpi);
        BufferedImage page = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setFont(g.getFont().deriveFont(dpi / 6f));
        for (int line = 0; line < 30; line++) {
            g.drawString("QUYẾT ĐỊNH Về việc cấp giấy chứng nhận, dòng " + line, dpi, dpi + line * dpi / 3);
        }
        g.dispose();
        return page;
    }

    static BufferedImage blankPage(int dpi) {
        return noisy(textPageBackground(dpi), 4, 20, 7);
    }

    private static BufferedImage textPageBackground(int dpi) {
        BufferedImage page = new BufferedImage(Math.round(8.27f * dpi), Math.round(11.69f * dpi), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = page.createGraphics();
        g.setColor(new Color(245, 245, 245));
        g.fillRect(0, 0, page.getWidth(), page.getHeight());
        g.dispose();
        return page;
    }

    /** Draws {@code code} (a small picture of a barcode or QR code) onto the page at (x, y). */
    static BufferedImage withCode(BufferedImage page, BufferedImage code, int x, int y) {
        Graphics2D g = page.createGraphics();
        g.drawImage(code, x, y, null);
        g.dispose();
        return page;
    }
}
