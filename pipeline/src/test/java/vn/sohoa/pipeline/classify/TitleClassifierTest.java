package vn.sohoa.pipeline.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.sohoa.pipeline.classify.ClassifyPages.page;
import static vn.sohoa.pipeline.classify.ClassifyPages.pageFrom;

import java.util.List;
import org.junit.jupiter.api.Test;

class TitleClassifierTest {

    private final TitleClassifier titles = new TitleClassifier();

    private String code(String... lines) {
        return titles.classify(List.of(page(1, 95f, lines))).code();
    }

    @Test
    void theCapitalTitleNearTheTopNamesTheType() {
        assertThat(code("ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 1/QĐ-UBND", "QUYẾT ĐỊNH",
                "Về việc phê duyệt")).isEqualTo("quyet_dinh");
        assertThat(code("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "GIẤY CHỨNG NHẬN", "ĐĂNG KÝ HỘ KINH DOANH"))
                .isEqualTo("giay_chung_nhan");
        assertThat(code("ĐƠN ĐỀ NGHỊ", "Kính gửi: Ủy ban nhân dân xã")).isEqualTo("don_de_nghi");
        assertThat(code("CĂN CƯỚC CÔNG DÂN", "Số / No.: 044190012345")).isEqualTo("cccd");
    }

    @Test
    void theLongestTitleWinsSoATờKhaiKhaiSinhIsATờKhai() {
        assertThat(code("TỜ KHAI ĐĂNG KÝ KHAI SINH")).isEqualTo("to_khai");
        assertThat(code("GIẤY KHAI SINH")).isEqualTo("giay_khai_sinh");
    }

    @Test
    void titlesOutsideTheListAreKhacAndACongVanIsKnownByItsVv() {
        assertThat(code("BỘ XÂY DỰNG", "THÔNG TƯ", "Công bố vùng nước")).isEqualTo("khac");
        assertThat(code("ỦY BAN NHÂN DÂN", "Số: 12/UBND-VP", "V/v đôn đốc thực hiện")).isEqualTo("cong_van");
    }

    @Test
    void lostMarksStillMatchAndOneWrongLetterMatchesLessSurely() {
        var clean = titles.find(page(1, 95f, "QUYẾT ĐỊNH")).orElseThrow();
        var unmarked = titles.find(page(1, 95f, "QUYET DINH")).orElseThrow();
        var oneOff = titles.find(page(1, 95f, "QUYET DIMH")).orElseThrow();
        assertThat(unmarked.kind()).isEqualTo(DocumentKind.QUYET_DINH);
        assertThat(unmarked.confidence()).isEqualTo(clean.confidence());
        assertThat(oneOff.kind()).isEqualTo(DocumentKind.QUYET_DINH);
        assertThat(oneOff.confidence()).isLessThan(clean.confidence());
        assertThat(titles.find(page(1, 95f, "QUYET DIMK"))).isEmpty();
    }

    @Test
    void lowerCaseTextAndTextLowOnThePageAreNotTitles() {
        assertThat(code("Quyết định này có hiệu lực")).isEqualTo("khac");
        assertThat(titles.find(page(1, 95f, "Quyết định này có hiệu lực"))).isEmpty();
        assertThat(titles.find(pageFrom(1, 2500, 95f, "QUYẾT ĐỊNH"))).isEmpty();
        assertThat(titles.classify(List.of())).isEqualTo(DocumentType.unknown());
    }
}
