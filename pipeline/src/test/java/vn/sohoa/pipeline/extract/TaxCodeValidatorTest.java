package vn.sohoa.pipeline.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TaxCodeValidatorTest {

    @Test
    void theCheckDigitIsTenMinusTheWeightedSumModuloEleven() {
        assertThat(TaxCodeValidator.checkDigit("010010910")).hasValue(6);
        assertThat(TaxCodeValidator.checkDigit("030123456")).hasValue(2);
        // remainder 10 gives check digit 0
        assertThat(TaxCodeValidator.checkDigit("010168860")).hasValue(0);
        // remainder 0 would need 10: no valid code starts with these digits
        assertThat(TaxCodeValidator.checkDigit("010000005")).isEmpty();
        assertThatThrownBy(() -> TaxCodeValidator.checkDigit("12345")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void codesAndBranchCodesAreValidatedWithTheirCheckDigit() {
        assertThat(TaxCodeValidator.isValid("0100109106")).isTrue();
        assertThat(TaxCodeValidator.isValid("0100109106-001")).isTrue();
        assertThat(TaxCodeValidator.isValid("0100109106-999")).isTrue();
        assertThat(TaxCodeValidator.isValid("0100109107")).isFalse();
        assertThat(TaxCodeValidator.isValid("0100109106-000")).isFalse();
        assertThat(TaxCodeValidator.isValid("0100109106-01")).isFalse();
        assertThat(TaxCodeValidator.isValid("01001091060")).isFalse();
        assertThat(TaxCodeValidator.isValid("0100000050")).isFalse();
    }

    @Test
    void ocrLookAlikesAndSpacingAreRepairedOnlyWhenTheCodeThenValidates() {
        assertThat(TaxCodeValidator.read("O1OO1O91O6")).hasValue("0100109106");
        assertThat(TaxCodeValidator.read("0100 109 106 - 0O1")).hasValue("0100109106-001");
        assertThat(TaxCodeValidator.read("O1OO1O91O7")).isEmpty();
        assertThat(TaxCodeValidator.read("không có")).isEmpty();
    }
}
