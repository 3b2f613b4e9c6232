package vn.sohoa.pipeline.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneNumberValidatorTest {

    @Test
    void mobileNumbersHaveTheCurrentPrefixes() {
        assertThat(PhoneNumberValidator.isMobile("0912345678")).isTrue();
        assertThat(PhoneNumberValidator.isMobile("0352345678")).isTrue();
        assertThat(PhoneNumberValidator.isMobile("0862345678")).isTrue();
        assertThat(PhoneNumberValidator.isMobile("0312345678")).as("031 is not a mobile prefix").isFalse();
        assertThat(PhoneNumberValidator.isMobile("0162345678")).as("old 11-digit era prefix").isFalse();
        assertThat(PhoneNumberValidator.isMobile("091234567")).isFalse();
    }

    @Test
    void internationalAndDottedFormsAreNormalized() {
        assertThat(PhoneNumberValidator.read("+84 912 345 678")).hasValue("0912345678");
        assertThat(PhoneNumberValidator.read("0912.345.678")).hasValue("0912345678");
        assertThat(PhoneNumberValidator.read("O9l2 345 678")).hasValue("0912345678");
        assertThat(PhoneNumberValidator.read("0232 3822 123")).as("fixed line").hasValue("02323822123");
        assertThat(PhoneNumberValidator.read("0112345678")).isEmpty();
    }
}
