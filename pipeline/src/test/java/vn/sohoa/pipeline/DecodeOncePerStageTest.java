package vn.sohoa.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.sohoa.models.render.ScanFileWriter;
import vn.sohoa.models.render.ScanFormat;
import vn.sohoa.pipeline.intake.Pages;

/**
 * Each page is decoded once per stage that needs its pixels, counted by the digitizer's decoder: none to
 * outline a scan, one a page to digitize it in one pass ({@code sohoa ocr}), one a page to read it on a worker
 * and one a page to assemble its document there.
 */
class DecodeOncePerStageTest {

    private static final int PAGES = 3;
    private static Digitizer digitizer;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        digitizer = new Digitizer(DigitizerSettings.defaults().withOcrThreads(2));
    }

    @AfterAll
    static void stop() {
        digitizer.close();
    }

    private static BufferedImage page(int number) {
        BufferedImage image = new BufferedImage(1240, 1754, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SERIF, Font.PLAIN, 40));
        for (int line = 0; line < 6; line++) {
            g.drawString("Trang " + number + ": quyết định số " + (100 + line) + " về việc cấp phép", 120, 200 + 70 * line);
        }
        g.dispose();
        return image;
    }

    private Path scan() throws Exception {
        List<BufferedImage> pages = new ArrayList<>();
        for (int number = 1; number <= PAGES; number++) {
            pages.add(page(number));
        }
        Path tiff = dir.resolve("three-pages.tif");
        ScanFileWriter.write(pages, 150, ScanFormat.TIFF, tiff);
        return tiff;
    }

    @Test
    void aScanIsDecodedOnceAPageInEachStage() throws Exception {
        Path tiff = scan();
        Scan scan = Scan.of(tiff, "HS-TEST");

        long before = digitizer.pagesDecoded();
        assertThat(digitizer.outline(scan).pages()).isEqualTo(PAGES);
        assertThat(digitizer.pagesDecoded() - before).as("outline").isZero();

        before = digitizer.pagesDecoded();
        DigitizedDocument whole = digitizer.digitize(scan, dir.resolve("whole.pdf"));
        assertThat(whole.pageCount()).isEqualTo(PAGES);
        assertThat(digitizer.pagesDecoded() - before).as("digitize: read and written in one pass").isEqualTo(PAGES);

        // a worker: one page job a page, then the document job from the stored readings
        before = digitizer.pagesDecoded();
        List<PageReading> readings = new ArrayList<>();
        for (int number = 1; number <= PAGES; number++) {
            try (Pages pages = digitizer.open(tiff)) {
                readings.add(digitizer.read(pages.page(number)));
            }
        }
        assertThat(digitizer.pagesDecoded() - before).as("page stage").isEqualTo(PAGES);

        before = digitizer.pagesDecoded();
        DigitizedDocument assembled;
        try (Pages pages = digitizer.open(tiff)) {
            assembled = digitizer.assemble(scan, pages.select(List.of(1, 2, 3)), readings, dir.resolve("assembled.pdf"));
        }
        assertThat(digitizer.pagesDecoded() - before).as("document stage").isEqualTo(PAGES);

        assertThat(assembled.document().text()).isEqualTo(whole.document().text());
        try (PDDocument pdf = Loader.loadPDF(assembled.pdf().toFile())) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(PAGES);
        }
    }
}
