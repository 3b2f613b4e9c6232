package vn.sohoa.pipeline.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.sohoa.pipeline.classify.ClassifyPages.page;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.sohoa.pipeline.ocr.OcrPage;

class DocumentBoundariesTest {

    @Test
    void aPageWithTheMottoOrATitleAtItsTopStartsADocument() {
        List<OcrPage> batch = List.of(
                page(1, 95f, "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "QUYẾT ĐỊNH"),
                page(2, 95f, "2", "Điều 3. Quyết định này có hiệu lực kể từ ngày ký."),
                page(3, 95f, "CỘNG HOA XA HỘI CHU NGHĨA VIỆT NAM", "ĐƠN ĐỀ NGHỊ"),
                page(4, 95f, "GIẤY KHAI SINH", "Họ, chữ đệm, tên: Lê Văn An"),
                page(5, 95f, "có giá trị trong 6 tháng"));

        DocumentBoundaries boundaries = new DocumentBoundaries();

        assertThat(boundaries.starts(batch)).containsExactly(0, 2, 3);
        assertThat(boundaries.split(batch)).extracting(List::size).containsExactly(2, 1, 2);
        assertThat(boundaries.starts(List.of())).isEmpty();
    }
}
