package vn.sohoa.pipeline.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.sohoa.pipeline.extract.OcrPages.line;
import static vn.sohoa.pipeline.extract.OcrPages.page;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.sohoa.pipeline.ocr.OcrPage;

class LabelledFieldExtractorTest {

    private static OcrPage application(String id, String birth) {
        return page(1,
                line(700, 200, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
                line(900, 260, "Độc lập - Tự do - Hạnh phúc"),
                line(1000, 400, "ĐƠN ĐỀ NGHỊ"),
                line(400, 500, "Kính gửi: Ủy ban nhân dân xã Mai Hóa"),
                line(400, 600, "Họ và tên: Trần Thị Lan"),
                line(400, 660, "Ngày sinh: " + birth + " Giới tính: Nữ"),
                line(400, 720, "Số định danh cá nhân: " + id),
                line(400, 780, "Nơi thường trú: thôn Tân Sơn, xã Mai Hóa, huyện Tuyên Hóa, tỉnh Quảng Bình"),
                line(400, 840, "Số điện thoại: 0912 345 678"),
                line(400, 900, "Mã số thuế: 0100109106"));
    }

    @Test
    void labelledLinesGiveNormalizedValuesWithTheirBoxes() {
        Map<String, Field> fields = new LabelledFieldExtractor().extract(List.of(application("044190012345", "12/03/1990")));

        assertThat(fields.get("ho_ten").value()).isEqualTo("Trần Thị Lan");
        assertThat(fields.get("ngay_sinh").value()).isEqualTo("1990-03-12");
        assertThat(fields.get("gioi_tinh").value()).isEqualTo("nu");
        assertThat(fields.get("so_dinh_danh").value()).isEqualTo("044190012345");
        assertThat(fields.get("dia_chi").value()).isEqualTo("thôn Tân Sơn, xã Mai Hóa, huyện Tuyên Hóa, tỉnh Quảng Bình");
        assertThat(fields.get("so_dien_thoai").value()).isEqualTo("0912345678");
        assertThat(fields.get("ma_so_thue").value()).isEqualTo("0100109106");
        assertThat(fields.get("kinh_gui").value()).isEqualTo("Ủy ban nhân dân xã Mai Hóa");
        assertThat(fields.get("ho_ten").boxes()).hasSize(3);
        assertThat(fields.get("gioi_tinh").boxes()).hasSize(1);
        assertThat(fields.get("ngay_sinh").boxes()).hasSize(1);
    }

    @Test
    void anIdThatAgreesWithTheBirthDateIsConfirmedAndOneThatContradictsItIsNot() {
        DocumentFieldExtractor extractor = new DocumentFieldExtractor();
        Field agreeing = extractor.extract("don_de_nghi", List.of(application("044190012345", "12/03/1990"))).get("so_dinh_danh");
        Field contradicting = extractor.extract("don_de_nghi", List.of(application("044190012345", "12/03/1991"))).get("so_dinh_danh");
        assertThat(agreeing.confidence()).isGreaterThan(0.9);
        assertThat(contradicting.confidence()).isLessThan(0.5);
    }

    @Test
    void aBilingualCardIsReadAndAWrappedAddressJoined() {
        OcrPage card = page(1,
                line(1000, 400, "CĂN CƯỚC CÔNG DÂN"),
                line(360, 600, "Số /No.: 044190012345"),
                line(360, 680, "Họ và tên / Full name: TRẦN THỊ LAN"),
                line(360, 760, "Nơi thường trú / Place of residence: thôn Tân Sơn, xã Mai Hóa, tỉnh Quảng"),
                line(360, 820, "Bình"));
        Map<String, Field> fields = new LabelledFieldExtractor().extract(List.of(card));
        assertThat(fields.get("so_dinh_danh").value()).isEqualTo("044190012345");
        assertThat(fields.get("ho_ten").value()).isEqualTo("Trần Thị Lan");
        assertThat(fields.get("dia_chi").value()).isEqualTo("thôn Tân Sơn, xã Mai Hóa, tỉnh Quảng Bình");
        assertThat(fields.get("dia_chi").boxes()).as("eight words, and one on the next line").hasSize(9);
    }

    @Test
    void aLabelWithoutAColonIsNotALabel() {
        OcrPage page = page(1, line(1400, 900, "ĐẠI DIỆN BÊN B"), line(1400, 1200, "Họ và tên người làm chứng"));
        assertThat(new LabelledFieldExtractor().extract(List.of(page))).isEmpty();
    }

    @Test
    void anInvalidTaxCodeIsNotGiven() {
        OcrPage page = page(1, line(400, 900, "Mã số thuế: 0100109107"));
        assertThat(new LabelledFieldExtractor().extract(List.of(page))).doesNotContainKey("ma_so_thue");
    }
}
