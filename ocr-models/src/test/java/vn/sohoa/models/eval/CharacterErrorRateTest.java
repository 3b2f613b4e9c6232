package vn.sohoa.models.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CharacterErrorRateTest {

    @Test
    void identicalTextHasNoErrors() {
        assertThat(CharacterErrorRate.of("Quyết định số 05", "Quyết  định số 05\n")).isZero();
    }

    @Test
    void decomposedAndPrecomposedVietnameseAreTheSameText() {
        String precomposed = "Hồ sơ đất đai";
        String decomposed = java.text.Normalizer.normalize(precomposed, java.text.Normalizer.Form.NFD);
        assertThat(decomposed).isNotEqualTo(precomposed);
        assertThat(CharacterErrorRate.of(precomposed, decomposed)).isZero();
    }

    @Test
    void aLostDiacriticIsOneErrorInTheTruthLength() {
        // "ướt" read as "uot": two substitutions in nine code points
        assertThat(CharacterErrorRate.of("Đường ướt", "Đường uot")).isCloseTo(2.0 / 9, within(1e-9));
    }

    @Test
    void lineOrderDoesNotCountInTheOrderIndependentRate() {
        String truth = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nỦY BAN NHÂN DÂN";
        String read = "ỦY BAN NHÂN DÂN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
        assertThat(CharacterErrorRate.orderIndependent(truth, read)).isZero();
        assertThat(CharacterErrorRate.of(truth, read)).isGreaterThan(0.3);
    }

    @Test
    void aHeaderReadAcrossBothColumnsStillMatchesEachColumn() {
        String truth = "ỦY BAN NHÂN DÂN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
        String read = "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
        assertThat(CharacterErrorRate.orderIndependent(truth, read)).isZero();
        assertThat(CharacterErrorRate.orderIndependent(truth, "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM!"))
                .isGreaterThan(0);
    }

    @Test
    void extraRecognizedLinesAreInsertions() {
        assertThat(CharacterErrorRate.orderIndependent("abc", "abc\nxyz")).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void wordAccuracyCountsWordsWithMultiplicity() {
        assertThat(CharacterErrorRate.wordAccuracy("số số hồ sơ", "số hồ sơ")).isCloseTo(0.75, within(1e-9));
    }
}
