package vn.sohoa.models.eval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordErrorsTest {

    @Test
    void aWrongToneIsCountedApartFromOtherErrors() {
        WordErrors errors = WordErrors.of("Tôi mấy lần đầu cẩn thận quyển vở", "Tôi mây lần đâu cần thận quyên vỏ");

        assertThat(errors.words()).isEqualTo(8);
        assertThat(errors.correct()).isEqualTo(3);
        assertThat(errors.toneOnly()).isEqualTo(4);
        assertThat(errors.toneExamples()).containsExactly("mấy→mây", "đầu→đâu", "cẩn→cần", "quyển→quyên");
        // "vỏ" keeps the tone (hỏi) and loses the horn of ơ
        assertThat(errors.marksOnly()).isEqualTo(1);
        assertThat(errors.accuracy()).isEqualTo(3 / 8.0);
    }

    @Test
    void aWrongVowelMarkIsNotATone() {
        WordErrors errors = WordErrors.of("cảm ơn anh", "cám ôn anh");

        assertThat(errors.toneOnly()).isEqualTo(1);
        assertThat(errors.marksOnly()).isEqualTo(1);
        assertThat(errors.correct()).isEqualTo(1);
    }

    @Test
    void missedAndExtraWordsAreAlignedAround() {
        WordErrors errors = WordErrors.of("một hai ba bốn", "một ba bốn năm sáu");

        assertThat(errors.correct()).isEqualTo(3);
        assertThat(errors.other()).isEqualTo(1);
        assertThat(errors.inserted()).isEqualTo(2);
    }

    @Test
    void decomposedTextIsReadAsComposed() {
        assertThat(WordErrors.of("Việt", "Vi\u0065\u0302\u0323t").correct()).isEqualTo(1);
        assertThat(WordErrors.withoutTones("Hoà")).isEqualTo("Hoa");
        assertThat(WordErrors.withoutTones("những")).isEqualTo("nhưng");
    }
}
