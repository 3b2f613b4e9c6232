package vn.sohoa.pipeline.pdf;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Measures what JPEG quality suits archive copies: an A4 page at 300 dpi rendered from a real legal text
 * (shared/corpus/legal-text) in Times-like type, with a red seal, a blue signature, a paper tint and sensor
 * noise, encoded as PageImageEncoder would at several qualities; prints the image stream size and the mean
 * absolute error per channel (0-255) against the page. Run by hand (not a test):
 * {@code java -cp <test classpath> vn.sohoa.pipeline.pdf.JpegQualityMeasurement [legal-text file]}.
 */
public final class JpegQualityMeasurement {

    public static void main(String[] args) throws Exception {
        Path text = Path.of(args.length > 0 ? args[0] : "../shared/corpus/legal-text/doc_000005.txt");
        BufferedImage clean = page(Files.readAllLines(text));
        BufferedImage colour = noisy(clean);
        for (var entry : List.of(new Object[] {"colour", colour, clean},
                new Object[] {"grey", grey(colour), grey(clean)})) {
            BufferedImage image = (BufferedImage) entry[1];
            for (float quality : new float[] {0.5f, 0.65f, 0.75f, 0.85f}) {
                try (PDDocument doc = new PDDocument()) {
                    PDImageXObject xobject = JPEGFactory.createFromImage(doc, image, quality);
                    byte[] jpeg = xobject.getCOSObject().createRawInputStream().readAllBytes();
                    BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(jpeg));
                    System.out.printf("%-6s q=%.2f  %7.0f KiB  MAE vs scan %.2f  vs noiseless page %.2f%n", entry[0],
                            quality, jpeg.length / 1024.0, meanAbsoluteError(image, decoded),
                            meanAbsoluteError((BufferedImage) entry[2], decoded));
                }
            }
        }
    }

    static BufferedImage page(List<String> lines) throws Exception {
        int width = 2480, height = 3508;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(246, 243, 234));
        g.fillRect(0, 0, width, height);
        Font serif = Font.createFont(Font.TRUETYPE_FONT, new File("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"))
                .deriveFont(54f); // 13 pt at 300 dpi
        g.setFont(serif);
        g.setColor(new Color(25, 25, 25));
        int y = 280;
        for (String line : lines) {
            for (String part : wrap(line, 70)) {
                if (y > height - 250) {
                    break;
                }
                g.drawString(part, 236, y);
                y += 78;
            }
        }
        g.setStroke(new java.awt.BasicStroke(10f));
        g.setColor(new Color(200, 30, 40));
        g.drawOval(1500, 2600, 520, 520);
        g.setFont(serif.deriveFont(40f));
        g.drawString("ỦY BAN NHÂN DÂN", 1580, 2880);
        g.setColor(new Color(30, 50, 180));
        g.setStroke(new java.awt.BasicStroke(6f));
        g.drawArc(1650, 2700, 500, 200, 10, 160);
        g.drawArc(1700, 2750, 400, 150, 190, 140);
        g.dispose();
        return image;
    }

    private static BufferedImage grey(BufferedImage colour) {
        BufferedImage grey = new BufferedImage(colour.getWidth(), colour.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        grey.getGraphics().drawImage(colour, 0, 0, null);
        return grey;
    }

    /** The page as a scanner gives it: Gaussian sensor noise, sigma 4 grey levels. */
    private static BufferedImage noisy(BufferedImage clean) {
        int width = clean.getWidth(), height = clean.getHeight();
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(7);
        for (int py = 0; py < height; py++) {
            for (int px = 0; px < width; px++) {
                int rgb = clean.getRGB(px, py);
                int n = (int) Math.round(random.nextGaussian() * 4);
                int r = clamp(((rgb >> 16) & 255) + n), gr = clamp(((rgb >> 8) & 255) + n), b = clamp((rgb & 255) + n);
                image.setRGB(px, py, (r << 16) | (gr << 8) | b);
            }
        }
        return image;
    }

    private static List<String> wrap(String line, int columns) {
        java.util.ArrayList<String> out = new java.util.ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : line.split(" ")) {
            if (current.length() + word.length() + 1 > columns && !current.isEmpty()) {
                out.add(current.toString());
                current.setLength(0);
            }
            current.append(current.isEmpty() ? "" : " ").append(word);
        }
        out.add(current.toString());
        return out;
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    static double meanAbsoluteError(BufferedImage a, BufferedImage b) {
        long sum = 0;
        boolean greyOnly = a.getType() == BufferedImage.TYPE_BYTE_GRAY;
        var ra = a.getRaster();
        var rb = b.getRaster();
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (greyOnly) {
                    sum += Math.abs(ra.getSample(x, y, 0) - rb.getSample(x, y, 0));
                } else {
                    int p = a.getRGB(x, y), q = b.getRGB(x, y);
                    for (int shift = 0; shift <= 16; shift += 8) {
                        sum += Math.abs(((p >> shift) & 255) - ((q >> shift) & 255));
                    }
                }
            }
        }
        return (double) sum / ((long) a.getWidth() * a.getHeight() * (greyOnly ? 1 : 3));
    }

    private JpegQualityMeasurement() {
    }
}
