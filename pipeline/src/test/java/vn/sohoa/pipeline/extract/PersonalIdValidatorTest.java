package vn.sohoa.pipeline.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PersonalIdValidatorTest {

    @Test
    void twelveDigitsWithAProvinceFrom001To096AreWellFormed() {
        assertThat(PersonalIdValidator.isWellFormed("001090012345")).isTrue();
        assertThat(PersonalIdValidator.isWellFormed("096203012345")).isTrue();
        assertThat(PersonalIdValidator.isWellFormed("000090012345")).as("province 000").isFalse();
        assertThat(PersonalIdValidator.isWellFormed("097090012345")).as("province 097").isFalse();
        assertThat(PersonalIdValidator.isWellFormed("00109001234")).as("11 digits").isFalse();
        assertThat(PersonalIdValidator.isWellFormed("0010900123456")).as("13 digits").isFalse();
        assertThat(PersonalIdValidator.isWellFormed("00109001234A")).isFalse();
    }

    @Test
    void theFourthDigitGivesGenderAndCenturyAndTheNextTwoTheBirthYear() {
        assertThat(PersonalIdValidator.birthYear("044090012345")).isEqualTo(1990);
        assertThat(PersonalIdValidator.gender("044090012345")).isEqualTo("nam");
        assertThat(PersonalIdValidator.birthYear("044105012345")).isEqualTo(1905);
        assertThat(PersonalIdValidator.gender("044105012345")).isEqualTo("nu");
        assertThat(PersonalIdValidator.birthYear("044203012345")).isEqualTo(2003);
        assertThat(PersonalIdValidator.gender("044303012345")).isEqualTo("nu");
        assertThat(PersonalIdValidator.birthYear("044899012345")).isEqualTo(1899);
    }

    @Test
    void aNumberIsCheckedAgainstTheBirthDateAndGenderReadBesideIt() {
        assertThat(PersonalIdValidator.agreesWith("044190012345", LocalDate.of(1990, 3, 12))).isTrue();
        assertThat(PersonalIdValidator.agreesWith("044190012345", LocalDate.of(1991, 3, 12))).isFalse();
        assertThat(PersonalIdValidator.agreesWith("044290012345", LocalDate.of(1990, 3, 12))).as("2090").isFalse();
        assertThat(PersonalIdValidator.agreesWith("044190012345", "nu")).isTrue();
        assertThat(PersonalIdValidator.agreesWith("044190012345", "nam")).isFalse();
    }

    @Test
    void spacedOrMisreadNumbersAreRepairedOnlyIntoWellFormedOnes() {
        assertThat(PersonalIdValidator.read("044 190 012345")).hasValue("044190012345");
        assertThat(PersonalIdValidator.read("O44l9OO12345")).hasValue("044190012345");
        assertThat(PersonalIdValidator.read("O99l9OO12345")).as("province 099").isEmpty();
        assertThat(PersonalIdValidator.read("04419001234")).isEmpty();
    }
}
