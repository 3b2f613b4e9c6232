package vn.sohoa.pipeline.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.sohoa.pipeline.extract.OcrPages.line;
import static vn.sohoa.pipeline.extract.OcrPages.page;
import static vn.sohoa.pipeline.extract.OcrPages.row;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.sohoa.pipeline.ocr.OcrPage;

class HeaderFieldExtractorTest {

    private final HeaderFieldExtractor extractor = new HeaderFieldExtractor();

    private static OcrPage quyetDinh(String number, String issuer2) {
        return page(1,
                row(200, "ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
                row(260, issuer2, "Độc lập - Tự do - Hạnh phúc"),
                row(360, "Số: " + number, "Tuyên Hóa, ngày 05 tháng 02 năm 2023"),
                line(1000, 500, "QUYẾT ĐỊNH"),
                line(600, 560, "Về việc phê duyệt Kế hoạch số hóa hồ sơ"),
                line(800, 620, "năm 2023"),
                line(900, 800, "CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN TUYÊN HÓA"));
    }

    @Test
    void theHeaderColumnsGiveIssuerNumberPlaceDateAndTheTitleTheSubject() {
        Map<String, Field> fields = extractor.extract(List.of(quyetDinh("1437/QĐ-UBND", "HUYỆN TUYÊN HÓA")));

        assertThat(fields.get("co_quan_ban_hanh").value()).isEqualTo("ỦY BAN NHÂN DÂN HUYỆN TUYÊN HÓA");
        assertThat(fields.get("so_ky_hieu").value()).isEqualTo("1437/QĐ-UBND");
        assertThat(fields.get("ngay_ban_hanh").value()).isEqualTo("2023-02-05");
        assertThat(fields.get("noi_ban_hanh").value()).isEqualTo("Tuyên Hóa");
        assertThat(fields.get("trich_yeu").value()).isEqualTo("Về việc phê duyệt Kế hoạch số hóa hồ sơ năm 2023");
        assertThat(fields.get("so_ky_hieu").confidence()).isGreaterThan(0.9);
        assertThat(fields.get("so_ky_hieu").boxes()).hasSize(2);
        assertThat(fields.get("so_ky_hieu").region().orElseThrow().left()).isEqualTo(400);
        assertThat(fields.get("ngay_ban_hanh").region().orElseThrow().left()).isGreaterThan(1150);
    }

    @Test
    void aRepairedNumberIsLessSureThanACleanOne() {
        Field clean = extractor.extract(List.of(quyetDinh("1437/QĐ-UBND", "HUYỆN TUYÊN HÓA"))).get("so_ky_hieu");
        Field repaired = extractor.extract(List.of(quyetDinh("l437/QD-UBND", "HUYỆN TUYÊN HÓA"))).get("so_ky_hieu");
        assertThat(repaired.value()).isEqualTo("1437/QĐ-UBND");
        assertThat(repaired.confidence()).isLessThan(clean.confidence());
    }

    @Test
    void aCongVanSubjectIsTheVvUnderItsNumber() {
        OcrPage page = page(1,
                row(200, "ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
                row(260, "XÃ MAI HÓA", "Độc lập - Tự do - Hạnh phúc"),
                row(360, "Số: 12/UBND-VP", "Mai Hóa, ngày 15 tháng 3 năm 2023"),
                line(400, 420, "V/ đôn đốc thực hiện"),
                line(400, 470, "số hóa hồ sơ"),
                line(600, 600, "Kính gửi: Các phòng, ban, ngành cấp huyện"));

        Map<String, Field> fields = extractor.extract(List.of(page));

        assertThat(fields.get("so_ky_hieu").value()).isEqualTo("12/UBND-VP");
        assertThat(fields.get("trich_yeu").value()).isEqualTo("V/v đôn đốc thực hiện số hóa hồ sơ");
        assertThat(fields.get("ngay_ban_hanh").value()).isEqualTo("2023-03-15");
    }
}
