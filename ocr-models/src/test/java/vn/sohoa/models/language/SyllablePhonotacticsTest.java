package vn.sohoa.models.language;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SyllablePhonotacticsTest {

    @Test
    void acceptsVietnameseSyllables() {
        assertThat(new String[] {"mấy", "nghiêng", "quyển", "khuya", "các", "người", "khuỷu", "thuở", "gì", "gìn",
                "giếng", "quốc", "xuân", "luật", "uyên", "yêu", "đường", "ạch", "oái", "hoà", "hòa", "thủy", "thuỷ"})
                .allMatch(VietnameseSyllable::isValid);
    }

    @Test
    void rejectsWhatVietnameseSpellingCannotWrite() {
        assertThat(new String[] {"mâyt", "ngie", "càc", "cac", "kim" + "\u0301" + "\u0300", "ka", "ce", "qu",
                "ubnd", "games", "coa", "lyên", "iên", ""})
                .noneMatch(VietnameseSyllable::isValid);
        assertThat(VietnameseSyllable.isValid("ghi")).isTrue();
    }

    @Test
    void stopsTakeOnlySacOrNang() {
        assertThat(VietnameseSyllable.toneVariants("các")).containsExactly("các", "cạc");
        assertThat(VietnameseSyllable.toneVariants("thích")).containsExactly("thích", "thịch");
        assertThat(VietnameseSyllable.isValid("hàt")).isFalse();
    }

    @Test
    void stripsOnlyTheTone() {
        assertThat(VietnameseSyllable.stripTone("quyển")).isEqualTo("quyên");
        assertThat(VietnameseSyllable.stripTone("đường")).isEqualTo("đương");
        assertThat(VietnameseSyllable.stripTone("ặ")).isEqualTo("ă");
        assertThat(VietnameseSyllable.tone("quyển")).isEqualTo(Tone.HOI);
        assertThat(VietnameseSyllable.tone("hoa")).isEqualTo(Tone.NONE);
    }

    @Test
    void splitsAndRecomposesLetters() {
        assertThat(VietnameseSyllable.split('ấ')).isEqualTo(new VietnameseSyllable.ToneLetter('â', Tone.SAC));
        assertThat(VietnameseSyllable.split('ư')).isEqualTo(new VietnameseSyllable.ToneLetter('ư', Tone.NONE));
        assertThat(VietnameseSyllable.compose('ơ', Tone.NGA)).isEqualTo('ỡ');
        assertThat(VietnameseSyllable.compose('y', Tone.HOI)).isEqualTo('ỷ');
    }

    @Test
    void listsToneVariantsWithOneTonePlacement() {
        assertThat(VietnameseSyllable.toneVariants("mấy")).containsExactly("mây", "mấy", "mầy", "mẩy", "mẫy", "mậy");
        assertThat(VietnameseSyllable.toneVariants("hoà")).contains("hòa").doesNotContain("hoà");
        assertThat(VietnameseSyllable.canonical("thuỷ")).isEqualTo("thủy");
        assertThat(VietnameseSyllable.canonical("toán")).isEqualTo("toán");
        assertThat(VietnameseSyllable.canonical("khuỷu")).isEqualTo("khuỷu");
        assertThat(VietnameseSyllable.toneVariants("mâyt")).isEmpty();
    }
}
