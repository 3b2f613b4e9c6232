package vn.sohoa.app;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import vn.sohoa.scanner.coversheet.CoverSheet;

/**
 * Scanned batches for tests, built the way an office's batch looks: SoHoa cover and separator sheets
 * (printed by {@link CoverSheet}, rasterized with PDFBox as a scanner would see them) between pages of
 * Vietnamese text, at 200 dpi grey.
 */
public final class PaperBatch {

    public static final int DPI = 200;
    private static final CoverSheet SHEETS = CoverSheet.withDejaVuSans();
    private final List<BufferedImage> pages = new ArrayList<>();

    public PaperBatch cover(String dossierCode) {
        pages.add(rasterize(SHEETS.dossierCover(dossierCode)));
        return this;
    }

    public PaperBatch separator() {
        pages.add(rasterize(SHEETS.separator()));
        return this;
    }

    /** A page of text whose first line is {@code title}. */
    public PaperBatch page(String title) {
        pages.add(textPage(title));
        return this;
    }

    public List<BufferedImage> pages() {
        return List.copyOf(pages);
    }

    /** page-1.png, page-2.png, ... page-10.png in {@code dir} (name order is not file order past 9). */
    public Path writeFolder(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (int i = 0; i < pages.size(); i++) {
            ImageIO.write(pages.get(i), "png", dir.resolve("page-" + (i + 1) + ".png").toFile());
        }
        return dir;
    }

    /** One multi-page TIFF (deflate), as a sheet-fed scanner's batch. */
    public Path writeTiff(Path file) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
        Files.deleteIfExists(file);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (BufferedImage page : pages) {
                writer.writeToSequence(new IIOImage(page, null, null), null);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
        return file;
    }

    static BufferedImage rasterize(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFRenderer(document).renderImageWithDPI(0, DPI, ImageType.GRAY);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BufferedImage textPage(String title) {
        int width = Math.round(8.27f * DPI);
        int height = Math.round(11.69f * DPI);
        BufferedImage page = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        try {
            g.setFont(Font.createFont(Font.TRUETYPE_FONT, new File(CoverSheet.DEJAVU_SANS.toString())).deriveFont(DPI / 5f));
        } catch (Exception e) {
            throw new IllegalStateException("DejaVu Sans is needed for test pages (fonts-dejavu-core)", e);
        }
        g.drawString(title, DPI, DPI * 3 / 2);
        String[] lines = {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                "Về việc cấp giấy chứng nhận quyền sử dụng đất", "Ủy ban nhân dân huyện Tuyên Hóa"};
        for (int i = 0; i < lines.length; i++) {
            g.drawString(lines[i], DPI, DPI * 2 + i * DPI / 2);
        }
        g.dispose();
        return page;
    }
}
