package vn.sohoa.models.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SyntheticDocumentGeneratorTest {

    @Test
    void theSameSeedGivesTheSameDocument() {
        assertThat(SyntheticDocumentGenerator.generate(17)).isEqualTo(SyntheticDocumentGenerator.generate(17));
        assertThat(SyntheticDocumentGenerator.generate(17)).isNotEqualTo(SyntheticDocumentGenerator.generate(18));
    }

    @Test
    void codeNotationsFollowTheTypeAndTheIssuer() {
        Set<DocumentType> seen = EnumSet.noneOf(DocumentType.class);
        for (long seed = 0; seed < 300; seed++) {
            AdministrativeDocument document = SyntheticDocumentGenerator.generate(seed);
            seen.add(document.type());
            if (document.type() == DocumentType.CONG_VAN) {
                assertThat(document.codeNotation()).matches("\\d{2,4}/UBND-[A-Z]+");
                assertThat(document.subject()).startsWith("V/v ");
                assertThat(document.type().title()).isEmpty();
            } else {
                assertThat(document.codeNotation())
                        .matches("\\d{2,4}/" + document.type().abbreviation() + "-(UBND|HĐND)");
            }
        }
        assertThat(seen).contains(DocumentType.QUYET_DINH, DocumentType.CONG_VAN, DocumentType.BAO_CAO,
                DocumentType.TO_TRINH, DocumentType.THONG_BAO, DocumentType.KE_HOACH);
    }
}
