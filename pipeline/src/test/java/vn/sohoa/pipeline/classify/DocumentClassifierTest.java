package vn.sohoa.pipeline.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.sohoa.pipeline.classify.ClassifyPages.page;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.sohoa.pipeline.classify.TitleClassifier.TitleMatch;
import vn.sohoa.pipeline.classify.TypeTextModel.Prediction;
import vn.sohoa.pipeline.ocr.Box;

class DocumentClassifierTest {

    private static final Box BOX = new Box(0, 0, 10, 10);

    @Test
    void aTitleTheModelAgreesWithIsSurerThanEitherAndOneItDisagreesWithIsLessSure() {
        Optional<TitleMatch> title = Optional.of(new TitleMatch(DocumentKind.BAO_CAO, 0.9, 1, BOX));
        DocumentType agreed = DocumentClassifier.combine(title,
                new Prediction("bao_cao", 0.8, Map.of("bao_cao", 0.8, "ke_hoach", 0.2)));
        DocumentType disagreed = DocumentClassifier.combine(title,
                new Prediction("ke_hoach", 0.8, Map.of("bao_cao", 0.2, "ke_hoach", 0.8)));
        assertThat(agreed.code()).isEqualTo("bao_cao");
        assertThat(agreed.confidence()).isGreaterThan(0.9);
        assertThat(disagreed.code()).as("the printed title wins").isEqualTo("bao_cao");
        assertThat(disagreed.confidence()).isLessThan(0.8);
    }

    @Test
    void withoutATitleAnUnsureModelAnswersKhacAtZeroInsteadOfGuessing() {
        DocumentType sure = DocumentClassifier.combine(Optional.empty(),
                new Prediction("cong_van", 0.9, Map.of("cong_van", 0.9)));
        DocumentType unsure = DocumentClassifier.combine(Optional.empty(),
                new Prediction("cong_van", 0.4, Map.of("cong_van", 0.4, "thong_bao", 0.35)));
        DocumentType close = DocumentClassifier.combine(Optional.empty(),
                new Prediction("cong_van", 0.5, Map.of("cong_van", 0.5, "thong_bao", 0.3)));
        assertThat(sure.code()).isEqualTo("cong_van");
        assertThat(close).as("not twice as likely as the runner-up").isEqualTo(DocumentType.unknown());
        assertThat(unsure).isEqualTo(DocumentType.unknown());
    }

    @Test
    void theTrainedModelKnowsAQuyetDinhWhoseTitleOcrLost() {
        DocumentClassifier classifier = new DocumentClassifier();
        DocumentType type = classifier.classify(List.of(page(1, 90f,
                "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "HUYỆN TUYÊN HÓA Độc lập - Tự do - Hạnh phúc",
                "Số: 215/QĐ-UBND Tuyên Hóa, ngày 05 tháng 02 năm 2023",
                "~ ~ ~",
                "Về việc phê duyệt Kế hoạch cải cách hành chính năm 2023",
                "CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN TUYÊN HÓA",
                "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
                "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư;",
                "Điều 1. Phê duyệt Kế hoạch cải cách hành chính năm 2023")));
        assertThat(type.code()).isEqualTo("quyet_dinh");
        assertThat(type.confidence()).isGreaterThan(DocumentClassifier.MODEL_THRESHOLD * 0.95);
    }

    @Test
    void pagesWithoutTextAreUnknown() {
        assertThat(new DocumentClassifier().classify(List.of(page(1, 0f)))).isEqualTo(DocumentType.unknown());
    }
}
