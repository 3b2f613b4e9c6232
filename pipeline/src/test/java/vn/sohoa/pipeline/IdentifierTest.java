package vn.sohoa.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IdentifierTest {

    @Test
    void realCodesPass() {
        assertThat(Identifier.DOSSIER_CODE.check("000.00.20.H56-230515-0001")).isEqualTo("000.00.20.H56-230515-0001");
        assertThat(Identifier.AGENCY_CODE.isValid("H450")).isTrue();
        assertThat(Identifier.USERNAME.isValid("tiep_nhan.450")).isTrue();
        assertThat(Identifier.DOSSIER_CODE.isValid("a".repeat(Identifier.MAX_LENGTH))).isTrue();
    }

    @Test
    void blankPathsHiddenNamesAndOtherCharactersAreRefused() {
        for (String bad : new String[] {null, "", " ", "\t", " H450", "H450 ", "HS/01", "..", ".hidden", "-x", "_x",
                "HS\\01", "a\u0000b", "Hồ-sơ", "a b", "x".repeat(Identifier.MAX_LENGTH + 1), "a@b.vn", "HS%2F01"}) {
            assertThat(Identifier.AGENCY_CODE.isValid(bad)).as(String.valueOf(bad)).isFalse();
        }
        assertThatThrownBy(() -> Identifier.AGENCY_CODE.check(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("an agency code").hasMessageContaining("\" \"");
        assertThatThrownBy(() -> Identifier.DOSSIER_CODE.check("a\u0000b")).hasMessageContaining("\\u0000");
    }
}
