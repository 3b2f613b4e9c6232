package vn.sohoa.scanner.coversheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class CoverSheetTest {

    private final CoverSheet sheets = CoverSheet.withDejaVuSans();

    @Test
    void coverSheetIsAnA4PageWithTheVietnameseTitleAndTheCodeInText() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(sheets.dossierCover("000.00.20.H56-230515-0001"))) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            PDRectangle size = pdf.getPage(0).getMediaBox();
            assertThat(size.getWidth()).isEqualTo(PDRectangle.A4.getWidth());
            assertThat(size.getHeight()).isEqualTo(PDRectangle.A4.getHeight());
            assertThat(new PDFTextStripper().getText(pdf))
                    .contains("PHIẾU BÌA HỒ SƠ", "Mã hồ sơ:", "000.00.20.H56-230515-0001",
                            "Đặt phiếu này trước các trang của hồ sơ");
            for (var name : pdf.getPage(0).getResources().getFontNames()) {
                PDFont font = pdf.getPage(0).getResources().getFont(name);
                assertThat(font.isEmbedded()).as("font %s embedded", font.getName()).isTrue();
            }
        }
    }

    @Test
    void printsOneCoverPerDossierInOrder() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(sheets.dossierCovers(List.of("A1-230515-0001", "A1-230515-0002")))) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(2);
            PDFTextStripper text = new PDFTextStripper();
            text.setStartPage(2);
            text.setEndPage(2);
            assertThat(text.getText(pdf)).contains("A1-230515-0002").doesNotContain("A1-230515-0001");
        }
    }

    @Test
    void separatorSheetSaysWhatItIs() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(sheets.separator())) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("PHIẾU PHÂN TÁCH TÀI LIỆU");
        }
    }

    @Test
    void aVeryLongCodeStillFitsAndReadsBack() {
        String code = "000.00.20.H56-230515-0001-BO-SUNG-LAN-2-PHONG-TAI-NGUYEN-MOI-TRUONG";

        byte[] pdf = sheets.dossierCover(code);

        assertThat(new SheetDetector().detect(PaperScan.rasterize(pdf, 0, 150))).isEqualTo(PageMarker.coverSheet(code));
    }

    @Test
    void refusesCodesThatCannotBePrintedFaithfully() {
        assertThatThrownBy(() -> sheets.dossierCover(" 123 ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a dossier code (mã hồ sơ) must be 1 to 100 ASCII letters");
        assertThatThrownBy(() -> sheets.dossierCover("../../etc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sheets.dossierCover("")).isInstanceOf(IllegalArgumentException.class);
    }
}
