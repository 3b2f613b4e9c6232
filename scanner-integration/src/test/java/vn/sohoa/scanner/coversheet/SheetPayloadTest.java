package vn.sohoa.scanner.coversheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.sohoa.pipeline.Identifier;

class SheetPayloadTest {

    @ParameterizedTest
    @ValueSource(strings = {"000.00.20.H56-230515-0001", "HS_01", "a", "G22.46-230525-0007"})
    void aValidCodeOnACoverSheetReadsBackAsItself(String code) {
        assertThat(SheetPayload.read(SheetPayload.forDossier(code))).contains(PageMarker.coverSheet(code));
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", ".hidden", "../../etc/passwd", "HS/01", "HS 01", "hồ-sơ-01", "-dash", "a\u0000b",
            "C:\\temp"})
    void aCoverSheetNamingAnInvalidCodeIsNotACoverSheet(String code) {
        assertThat(SheetPayload.read(SheetPayload.DOSSIER_PREFIX + code)).isEmpty();
        assertThatThrownBy(() -> SheetPayload.forDossier(code)).isInstanceOf(Identifier.InvalidIdentifierException.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {100, 101})
    void theLengthLimitIsTheIdentifiers(int length) {
        String code = "A".repeat(length);
        assertThat(SheetPayload.read(SheetPayload.DOSSIER_PREFIX + code).isPresent()).isEqualTo(length <= 100);
    }

    @ParameterizedTest
    @ValueSource(strings = {"SOHOA:SEPARATOR", " SOHOA:SEPARATOR "})
    void theSeparatorIsStillASeparator(String text) {
        assertThat(SheetPayload.read(text)).contains(PageMarker.separator());
    }
}
