package vn.sohoa.pipeline.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Archive copies of every kind of page image are PDF/A-2B for veraPDF and searchable in Vietnamese. */
class SearchablePdfWriterTest {

    static final List<String> WORDS = List.of("Quyết định", "Ủy ban nhân dân", "Hồ Chí Minh", "ướt", "Đường");

    static final ArchivalMetadata DECISION = new ArchivalMetadata("Quyết định số 1437/QĐ-UBND",
            "Ủy ban nhân dân huyện Tuyên Hóa", "Quyết định", CodeNotation.parse("1437/QĐ-UBND").orElseThrow(),
            LocalDate.of(2023, 2, 5), "Về việc phê duyệt kế hoạch sửa chữa Đường giao thông", null, "Chủ tịch",
            "Nguyễn Văn Ấn", "quyet_dinh", "000.00.21.H42-230205-0001",
            "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "quyet-dinh-1437.tiff");

    static final OffsetDateTime CREATED = OffsetDateTime.of(2025, 3, 15, 9, 30, 12, 0, ZoneOffset.ofHours(7));

    @TempDir
    Path dir;

    static byte[] write(List<PdfPage> pages) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new SearchablePdfWriter().write(pages, new PdfMetadata(DECISION, CREATED), out);
        return out.toByteArray();
    }

    @ParameterizedTest(name = "image type {0}")
    @ValueSource(ints = {BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_BYTE_GRAY, BufferedImage.TYPE_BYTE_BINARY,
            BufferedImage.TYPE_BYTE_INDEXED, BufferedImage.TYPE_INT_ARGB})
    void everyKindOfPageImageGivesPdfA2b(int imageType) {
        byte[] pdf = assertDoesNotThrowIo(() -> write(List.of(TestPages.page(1, imageType))));

        PdfaValidator.Verdict verdict = PdfaValidator.validate(pdf);
        assertThat(verdict.compliant()).as(verdict.toString()).isTrue();
    }

    @Test
    void multiPageCopyIsPdfA2bAndItsTextIsVietnameseForPdfBoxAndPoppler() throws Exception {
        byte[] pdf = write(List.of(TestPages.page(1, BufferedImage.TYPE_INT_RGB),
                TestPages.page(2, BufferedImage.TYPE_BYTE_GRAY), TestPages.page(3, BufferedImage.TYPE_BYTE_BINARY)));

        PdfaValidator.Verdict verdict = PdfaValidator.validate(pdf);
        assertThat(verdict.compliant()).as(verdict.toString()).isTrue();

        String pdfBoxText;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(3);
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(2);
            stripper.setEndPage(2);
            pdfBoxText = normalized(stripper.getText(doc));
        }
        Path file = dir.resolve("copy.pdf");
        Files.write(file, pdf);
        String popplerText = normalized(pdftotext(file, 2));

        for (String line : TestPages.LINES) {
            assertThat(pdfBoxText).as("PDFBox text of page 2").contains(normalized(line));
            assertThat(popplerText).as("pdftotext of page 2").contains(normalized(line));
        }
        for (String word : WORDS) {
            assertThat(pdfBoxText.toLowerCase()).contains(normalized(word).toLowerCase());
            assertThat(popplerText.toLowerCase()).contains(normalized(word).toLowerCase());
        }
    }

    /**
     * The page shows the original image turned and straightened exactly as cleanup turned the OCR copy
     * (PageGeometry.apply), so that the words laid over it sit on their printed letters: the rendered page
     * matches the turned image within JPEG and interpolation noise, and differs far more from the unturned one.
     */
    @ParameterizedTest(name = "rotation {0}, skew {1}")
    @org.junit.jupiter.params.provider.CsvSource({"0, 0", "90, 0", "180, 1.5", "270, -2.0", "0, 3.0"})
    void theImageIsShownAsCleanupTurnedIt(int rotation, double skew) throws IOException {
        PdfPage scanned = TestPages.page(1, BufferedImage.TYPE_BYTE_GRAY);
        vn.sohoa.pipeline.cleanup.PageGeometry geometry = new vn.sohoa.pipeline.cleanup.PageGeometry(rotation, skew);
        BufferedImage expected = geometry.apply(scanned.image());
        byte[] pdf = write(List.of(new PdfPage(scanned.image(), scanned.dpi(), geometry, scanned.text())));
        BufferedImage shown;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            shown = new org.apache.pdfbox.rendering.PDFRenderer(doc).renderImageWithDPI(0, scanned.dpi(),
                    org.apache.pdfbox.rendering.ImageType.GRAY);
        }
        assertThat(shown.getWidth()).isEqualTo(expected.getWidth());
        assertThat(shown.getHeight()).isEqualTo(expected.getHeight());
        double turned = meanDifference(shown, expected);
        assertThat(turned).as("mean grey difference to the turned image").isLessThan(3.0);
        if (rotation == 180 || skew != 0) {
            double unturned = meanDifference(shown, scanned.image());
            assertThat(unturned).as("mean grey difference to the scan as it was").isGreaterThan(3 * turned);
        }
    }

    private static double meanDifference(BufferedImage a, BufferedImage b) {
        int w = Math.min(a.getWidth(), b.getWidth());
        int h = Math.min(a.getHeight(), b.getHeight());
        long sum = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                sum += Math.abs((a.getRGB(x, y) & 0xff) - (b.getRGB(x, y) & 0xff));
            }
        }
        return (double) sum / ((long) w * h);
    }

    /** NFC with runs of blanks as one space, line by line, as both extractors lay words out. */
    static String normalized(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC).replaceAll("[ \\t\\u00A0]+", " ")
                .replaceAll(" ?\\n ?", "\n").strip();
    }

    static String pdftotext(Path pdf, int page) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("pdftotext", "-enc", "UTF-8", "-f", String.valueOf(page),
                "-l", String.valueOf(page), pdf.toString(), "-").redirectErrorStream(true).start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("pdftotext finished").isTrue();
        assertThat(process.exitValue()).as("pdftotext: " + new String(out, StandardCharsets.UTF_8)).isZero();
        return new String(out, StandardCharsets.UTF_8);
    }

    interface IoSupplier<T> {
        T get() throws IOException;
    }

    static <T> T assertDoesNotThrowIo(IoSupplier<T> supplier) {
        try {
            return supplier.get();
        } catch (IOException e) {
            throw new AssertionError("writing the PDF failed: " + e.getMessage(), e);
        }
    }
}
