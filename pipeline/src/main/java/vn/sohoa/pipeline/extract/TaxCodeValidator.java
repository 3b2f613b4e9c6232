package vn.sohoa.pipeline.extract;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * Mã số thuế / mã số doanh nghiệp: 10 digits (2 for the province, 7, then a check digit), with "-001" to
 * "-999" added for a branch. The check digit is 10 - (Σ wᵢ·dᵢ mod 11) over the first nine digits with
 * weights 31, 29, 23, 19, 17, 13, 7, 5, 3; a remainder of 0 would need a check digit of 10, so no valid code
 * has it.
 */
public final class TaxCodeValidator {

    private static final int[] WEIGHTS = {31, 29, 23, 19, 17, 13, 7, 5, 3};

    private TaxCodeValidator() {
    }

    /** The check digit for the first nine digits; empty when no valid code starts with them. */
    public static OptionalInt checkDigit(String nineDigits) {
        if (!nineDigits.matches("\\d{9}")) {
            throw new IllegalArgumentException("a tax code starts with nine digits, got " + nineDigits);
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += WEIGHTS[i] * (nineDigits.charAt(i) - '0');
        }
        int check = 10 - sum % 11;
        return check == 10 ? OptionalInt.empty() : OptionalInt.of(check);
    }

    /** "0100109106" or "0100109106-001", with a right check digit. */
    public static boolean isValid(String code) {
        if (code == null || !code.matches("\\d{10}(-\\d{3})?")) {
            return false;
        }
        if (code.length() == 14 && code.endsWith("-000")) {
            return false;
        }
        OptionalInt check = checkDigit(code.substring(0, 9));
        return check.isPresent() && check.getAsInt() == code.charAt(9) - '0';
    }

    /** The tax code in {@code text} ("0100 109 106", "O1OO1O91O6-0O1"), repaired and normalized, if valid. */
    public static Optional<String> read(String text) {
        String compact = text.strip().replaceAll("\\s*[-–—]\\s*", "-").replace(".", "");
        int dash = compact.indexOf('-');
        Optional<String> main = DigitRepair.digits(dash < 0 ? compact : compact.substring(0, dash));
        if (main.isEmpty()) {
            return Optional.empty();
        }
        if (dash < 0) {
            return main.filter(TaxCodeValidator::isValid);
        }
        return DigitRepair.digits(compact.substring(dash + 1)).map(branch -> main.get() + "-" + branch)
                .filter(TaxCodeValidator::isValid);
    }
}
