package vn.sohoa.pipeline.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.sohoa.pipeline.classify.DocumentType;
import vn.sohoa.pipeline.ocr.Box;

class ReviewPolicyTest {

    private final ReviewPolicy policy = ReviewPolicy.defaults(0.8);

    private static Map<String, Field> fields(double numberConfidence) {
        return Map.of("so_ky_hieu", new Field("so_ky_hieu", "1437/QĐ-UBND", numberConfidence, 1),
                "ngay_ban_hanh", new Field("ngay_ban_hanh", "2023-02-05", 0.95, 1));
    }

    @Test
    void aSureTypeWithSureRequiredFieldsNeedsNoReview() {
        assertThat(policy.needsReview(new DocumentType("quyet_dinh", 0.97), fields(0.9))).isFalse();
    }

    @Test
    void anUnsureTypeAFieldBelowItsThresholdOrAMissingRequiredFieldNeedsReview() {
        assertThat(policy.needsReview(DocumentType.unknown(), fields(0.9))).isTrue();
        assertThat(policy.needsReview(new DocumentType("quyet_dinh", 0.97), fields(0.7))).isTrue();
        assertThat(policy.needsReview(new DocumentType("quyet_dinh", 0.97),
                Map.of("so_ky_hieu", new Field("so_ky_hieu", "1437/QĐ-UBND", 0.9, 1)))).as("no date").isTrue();
        assertThat(policy.needsReview(new DocumentType("don_de_nghi", 0.97), Map.of())).as("no applicant").isTrue();
    }

    @Test
    void aFieldIsImmutableAndItsRegionCoversItsWords() {
        List<Box> boxes = new ArrayList<>(List.of(new Box(10, 20, 50, 40), new Box(60, 18, 90, 41)));
        Field field = new Field("ho_ten", "Trần Thị Lan", 0.9, 2, boxes);
        boxes.clear();
        assertThat(field.boxes()).hasSize(2);
        assertThat(field.region()).contains(new Box(10, 18, 90, 41));
        assertThat(new Field("ho_ten", "x", 0.5, 1).region()).isEmpty();
        assertThatThrownBy(() -> new Field("ho_ten", "x", 1.5, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
