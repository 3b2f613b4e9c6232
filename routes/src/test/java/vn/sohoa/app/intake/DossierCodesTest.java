package vn.sohoa.app.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.sohoa.pipeline.Identifier;

class DossierCodesTest {

    @ParameterizedTest
    @ValueSource(strings = {"000.00.20.H56-230515-0001", "HS_01", "HS-01", "a", "G22.46-230525-0007"})
    void aValidCodeIsItsOwnFolder(String code) {
        assertThat(DossierCodes.safeDirectoryName(code)).isEqualTo(code);
    }

    @Test
    void codesThatWereOneFolderBeforeNowHaveOneEach() {
        List<String> codes = List.of("HS/01", "HS_01", "HS 01", "HS:01", "HS\\01", "HS?01", "hồ-sơ-01", "hô-sơ-01");
        Set<String> folders = new HashSet<>();
        codes.forEach(code -> folders.add(DossierCodes.safeDirectoryName(code)));
        assertThat(folders).hasSize(codes.size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", ".", "", "../../etc/passwd", ".hidden", "HS/01", "-x", "C:\\Windows", "a\u0000b",
            "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"})
    void anInvalidCodeGetsAFolderNoValidCodeCanHaveAndThatIsNoPath(String code) {
        String folder = DossierCodes.safeDirectoryName(code);
        assertThat(Identifier.DOSSIER_CODE.isValid(folder)).as(folder).isFalse();
        assertThat(folder).matches("[A-Za-z0-9_][A-Za-z0-9._-]{0,59}~[0-9a-f]{16}|~[0-9a-f]{16}")
                .doesNotContain("/").doesNotContain("\\").doesNotStartWith(".");
        assertThat(DossierCodes.safeDirectoryName(code)).as("the same code, the same folder").isEqualTo(folder);
    }

    @Test
    void theDossierFolderIsTheFirstFolderOfARelativePath() {
        assertThat(DossierCodes.dossierFolderOf("HS-01/a.pdf")).contains("HS-01");
        assertThat(DossierCodes.dossierFolderOf("HS 01\\sub\\a.pdf")).contains("HS 01");
        assertThat(DossierCodes.dossierFolderOf("a.pdf")).isEmpty();
    }
}
