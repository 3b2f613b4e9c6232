package vn.sohoa.models.labelled;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import vn.sohoa.models.render.DocumentType;

class LabelledDocumentsTest {

    private static final Path CORPUS = Path.of("../../shared/corpus/legal-text");

    @Test
    void evaluationRoundsShareNoDocumentWithTrainingNorWithEachOther() {
        Assumptions.assumeTrue(Files.isDirectory(CORPUS), "the shared legal-text corpus is not at " + CORPUS);
        Set<String> training = new HashSet<>(LabelledDocuments.training(50, 5, CORPUS).stream().map(LabelledDocument::id).toList());
        Set<String> seen = new HashSet<>();
        for (int round = 0; round < 3; round++) {
            List<String> ids = LabelledDocuments.evaluation(round, 30, 4, 12, CORPUS).stream().map(LabelledDocument::id).toList();
            assertThat(ids).hasSize(30 + 4 * 8 + 12);
            assertThat(ids).as("round %d against training", round).noneMatch(training::contains);
            assertThat(ids).as("round %d against earlier rounds", round).noneMatch(seen::contains);
            seen.addAll(ids);
        }
    }

    @Test
    void corpusOffsetsOfTheFirstRoundsDiffer() {
        assertThat(List.of(LabelledDocuments.corpusOffset(0, 6), LabelledDocuments.corpusOffset(1, 6),
                LabelledDocuments.corpusOffset(2, 6))).containsExactly(0, 3, 1);
    }

    @Test
    void typesOutsideSoHoasListAreLabelledKhac() {
        assertThat(LabelledDocuments.typeCode(DocumentType.QUYET_DINH)).isEqualTo("quyet_dinh");
        assertThat(LabelledDocuments.typeCode(DocumentType.CONG_VAN)).isEqualTo("cong_van");
        assertThat(LabelledDocuments.typeCode(DocumentType.THONG_TU)).isEqualTo("khac");
        assertThat(LabelledDocuments.typeCode(DocumentType.NGHI_QUYET)).isEqualTo("khac");
    }
}
