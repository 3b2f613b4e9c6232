package vn.sohoa.pipeline;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import vn.sohoa.models.render.ScanFileWriter;
import vn.sohoa.models.render.ScanFormat;
import vn.sohoa.pipeline.intake.PageImage;

/**
 * The child JVM of {@link BoundedMemoryTest}: {@code digitize TIFF PDF} takes a scan through the path
 * {@code sohoa ocr} takes ({@link Digitizer#digitize}) on one OCR engine; {@code decode-all TIFF} holds every
 * decoded page at once, the control that must run out of the same heap; {@code write PAGES TIFF} writes a scan of
 * that many A4 300 dpi grey pages with a few lines of text each, LZW-compressed, for measuring by hand.
 */
public final class BoundedMemoryRun {

    private BoundedMemoryRun() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("write")) {
            Path tiff = Path.of(args[2]);
            BufferedImage page = new BufferedImage(2480, 3508, BufferedImage.TYPE_BYTE_GRAY);
            Graphics2D g = page.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, page.getWidth(), page.getHeight());
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SERIF, Font.PLAIN, 50));
            for (int line = 0; line < 12; line++) {
                g.drawString("Quyết định số " + (100 + line) + "/QĐ-UBND về việc cấp giấy phép xây dựng", 250, 400 + 90 * line);
            }
            g.dispose();
            ScanFileWriter.write(Collections.nCopies(Integer.parseInt(args[1]), page), 300, ScanFormat.TIFF, tiff);
            System.out.println("wrote " + args[1] + " pages to " + tiff);
            return;
        }
        Path scan = Path.of(args[1]);
        if (args[0].equals("decode-all")) {
            List<PageImage> pages = new Digitizer(DigitizerSettings.defaults().withOcrThreads(1)).decode(Scan.of(scan));
            System.out.println("decoded " + pages.size() + " pages");
            return;
        }
        try (Digitizer digitizer = new Digitizer(DigitizerSettings.defaults().withOcrThreads(1))) {
            DigitizedDocument document = digitizer.digitize(Scan.of(scan), Path.of(args[2]));
            System.out.println("digitized " + document.pageCount() + " pages, " + digitizer.pagesDecoded() + " decoded");
        }
    }
}
