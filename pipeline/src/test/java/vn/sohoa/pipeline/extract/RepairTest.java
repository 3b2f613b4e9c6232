package vn.sohoa.pipeline.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The small repairs of what OCR breaks: marks, look-alike digits, family names, genders. */
class RepairTest {

    @Test
    void foldingKeepsOneCharacterForOne() {
        assertThat(Diacritics.fold("Quyết định số Đ")).isEqualTo("QUYET DINH SO D");
        assertThat(Diacritics.strip("Ủy ban nhân dân")).isEqualTo("Uy ban nhan dan");
        assertThat(Diacritics.fold("QÐ")).as("Icelandic eth").isEqualTo("QD");
    }

    @Test
    void lostMarksAreRestoredOnlyInKnownVocabulary() {
        assertThat(VocabularyRepair.repair("Uy ban nhan dan huyen Tuyen Hoa")).isEqualTo("Ủy ban nhân dân huyện Tuyen Hoa");
        assertThat(VocabularyRepair.repair("UY BAN NHAN DAN XA MAI HOA")).isEqualTo("ỦY BAN NHÂN DÂN XA MAI HOA");
        assertThat(VocabularyRepair.repair("PHO CHU TICH")).isEqualTo("PHÓ CHỦ TỊCH");
        assertThat(VocabularyRepair.repair("Ủy ban nhân dân")).isEqualTo("Ủy ban nhân dân");
        assertThat(VocabularyRepair.repair("Chủ tịchs")).as("not at a word boundary").isEqualTo("Chủ tịchs");
        assertThat(VocabularyRepair.repaired("Hà Tĩnh")).isEmpty();
    }

    @Test
    void lookAlikeLettersBecomeDigitsOnlyWhenNothingElseRemains() {
        assertThat(DigitRepair.digits("1O5l")).hasValue("1051");
        assertThat(DigitRepair.digits("12a")).isEmpty();
        assertThat(DigitRepair.needsRepair("1051")).isFalse();
        assertThat(DigitRepair.needsRepair("1O51")).isTrue();
    }

    @Test
    void namesHaveTheShapeOfNamesAndKnownFamilyNamesGetTheirMarksBack() {
        assertThat(PersonName.read("Nguyễn Văn An.")).hasValue("Nguyễn Văn An");
        assertThat(PersonName.read("NGUYỄN VĂN AN")).as("a card prints names in capitals").hasValue("Nguyễn Văn An");
        assertThat(PersonName.read("Nguyễn văn An")).as("a name word starts with a capital").isEmpty();
        assertThat(PersonName.read("Nguyễn 12 An")).isEmpty();
        assertThat(PersonName.read("An")).isEmpty();
        assertThat(PersonName.repairFamilyName("Nguyen Văn An")).hasValue("Nguyễn Văn An");
        assertThat(PersonName.repairFamilyName("Nguyễn Văn An")).isEmpty();
        assertThat(PersonName.repairFamilyName("Ho Văn An")).as("Hồ or Hồ only: one match").hasValue("Hồ Văn An");
        assertThat(PersonName.hasKnownFamilyName("Trương Thị Lan")).isTrue();
        assertThat(PersonName.hasKnownFamilyName("Xyz Thị Lan")).isFalse();
    }

    @Test
    void genderBecomesAStableCode() {
        assertThat(GenderParser.parse("Nam")).hasValue("nam");
        assertThat(GenderParser.parse("Nữ")).hasValue("nu");
        assertThat(GenderParser.parse("Nừ")).hasValue("nu");
        assertThat(GenderParser.parse("Nam.")).hasValue("nam");
        assertThat(GenderParser.parse("Không rõ")).isEmpty();
    }

    @Test
    void textWithLettersOutsideVietnameseIsNotPlausible() {
        assertThat(VietnameseText.isPlausible("Về việc thu gom rác thải, năm 2024 (đợt 1)")).isTrue();
        assertThat(VietnameseText.isPlausible("thu øom rác thải")).isFalse();
        assertThat(VietnameseText.isPlausible("Ngö Quốc Cường")).isFalse();
        assertThat(VietnameseText.isPlausible("PHÓ CïIỦ TỊCH")).isFalse();
        assertThat(VietnameseText.isPlausible(" ")).isFalse();
    }
}
