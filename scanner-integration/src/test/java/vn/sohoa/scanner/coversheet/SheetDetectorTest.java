package vn.sohoa.scanner.coversheet;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.MultiFormatWriter;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import java.awt.image.BufferedImage;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Prints cover and separator sheets to PDF, "scans" them (PDFBox rasterization, then skew, turning,
 * noise and thresholding as a scanner would) and reads them back.
 */
class SheetDetectorTest {

    private static final String CODE = "000.00.20.H56-230515-0001";
    private static byte[] coverPdf;
    private static byte[] separatorPdf;
    private final SheetDetector detector = new SheetDetector();

    @BeforeAll
    static void printSheets() {
        CoverSheet sheets = CoverSheet.withDejaVuSans();
        coverPdf = sheets.dossierCover(CODE);
        separatorPdf = sheets.separator();
    }

    @Test
    void readsTheDossierCodeBackFromANoisyUpsideDownScanAt200Dpi() {
        BufferedImage scan = PaperScan.noisy(PaperScan.rotated(PaperScan.rasterize(coverPdf, 0, 200), 180), 12, 400, 1);

        assertThat(detector.detect(scan)).isEqualTo(PageMarker.coverSheet(CODE));
    }

    @ParameterizedTest(name = "{0} dpi, turned {1} degrees, bilevel {2}")
    @CsvSource({"150, 1.5, false", "150, 181, true", "300, -2, false", "300, 0, true", "200, 90, false"})
    void readsCoverSheetsAtTheResolutionsAndAnglesOfTheDesk(int dpi, double degrees, boolean bilevel) {
        BufferedImage scan = PaperScan.noisy(PaperScan.rotated(PaperScan.rasterize(coverPdf, 0, dpi), degrees), 8, 200, dpi);
        if (bilevel) {
            scan = PaperScan.bilevel(scan);
        }

        assertThat(detector.detect(scan)).isEqualTo(PageMarker.coverSheet(CODE));
    }

    @Test
    void recognisesTheSeparatorSheet() {
        BufferedImage scan = PaperScan.noisy(PaperScan.rasterize(separatorPdf, 0, 200), 10, 300, 2);

        assertThat(detector.detect(scan)).isEqualTo(PageMarker.separator());
    }

    @Test
    void takesAPlainDossierCodeBarcodeAsAReceipt() {
        BufferedImage receipt = PaperScan.withCode(PaperScan.textPage(200), code(BarcodeFormat.CODE_128, CODE, 700, 120), 800, 150);

        assertThat(detector.detect(receipt)).isEqualTo(PageMarker.receipt(CODE));
    }

    @Test
    void takesAPlainDossierCodeQrAsAReceipt() {
        BufferedImage receipt = PaperScan.withCode(PaperScan.textPage(200), code(BarcodeFormat.QR_CODE, "G22.46-230525-0007", 260, 260), 1250, 100);

        assertThat(detector.detect(PaperScan.rotated(receipt, 180))).isEqualTo(PageMarker.receipt("G22.46-230525-0007"));
    }

    @Test
    void leavesPagesWithOtherCodesAsContent() {
        BufferedImage decision = PaperScan.withCode(PaperScan.textPage(200),
                code(BarcodeFormat.QR_CODE, "https://dichvucong.gov.vn/p/tra-cuu?ma=000.00.20.H56-230515-0001", 300, 300), 1200, 1900);
        BufferedImage idCard = PaperScan.withCode(PaperScan.textPage(200),
                code(BarcodeFormat.QR_CODE, "044095000123|197654321|Nguyễn Văn A|01011995|Nam|Tuyên Hóa|15032021", 300, 300), 1200, 1900);

        assertThat(detector.detect(decision)).isEqualTo(PageMarker.content());
        assertThat(detector.detect(idCard)).isEqualTo(PageMarker.content());
        assertThat(SheetDetector.sohoaSheetsOnly().detect(
                PaperScan.withCode(PaperScan.textPage(150), code(BarcodeFormat.CODE_128, CODE, 600, 100), 300, 100)))
                .isEqualTo(PageMarker.content());
    }

    @Test
    void plainTextAndBlankPagesAreContent() {
        assertThat(detector.detect(PaperScan.textPage(150))).isEqualTo(PageMarker.content());
        assertThat(detector.detect(PaperScan.blankPage(150))).isEqualTo(PageMarker.content());
    }

    private static BufferedImage code(BarcodeFormat format, String text, int width, int height) {
        try {
            return MatrixToImageWriter.toBufferedImage(new MultiFormatWriter().encode(text, format, width, height,
                    Map.of(EncodeHintType.CHARACTER_SET, "UTF-8", EncodeHintType.MARGIN, 4)));
        } catch (WriterException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
