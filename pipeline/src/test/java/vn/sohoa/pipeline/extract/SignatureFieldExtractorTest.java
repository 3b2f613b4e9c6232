package vn.sohoa.pipeline.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.sohoa.pipeline.extract.OcrPages.line;
import static vn.sohoa.pipeline.extract.OcrPages.page;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignatureFieldExtractorTest {

    @Test
    void theSignerAndPositionComeFromTheBottomRightOfTheLastPage() {
        Map<String, Field> fields = new SignatureFieldExtractor().extract(List.of(
                page(1, line(400, 400, "Nguyễn Văn Bình là người ở trang một")),
                page(2,
                        line(400, 300, "Điều 3. Quyết định này có hiệu lực kể từ ngày ký./."),
                        line(1500, 500, "KT. CHỦ TỊCH"),
                        line(1480, 560, "PHÓ CHỦ TỊCH"),
                        line(1500, 700, "~~ ,"),
                        line(1450, 900, "Nguyen Văn An"))));

        assertThat(fields.get("nguoi_ky").value()).isEqualTo("Nguyễn Văn An");
        assertThat(fields.get("nguoi_ky").page()).isEqualTo(2);
        assertThat(fields.get("chuc_vu_nguoi_ky").value()).isEqualTo("PHÓ CHỦ TỊCH");
    }
}
