package vn.sohoa.pipeline.extract;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Vietnamese telephone numbers, normalized to the national form "0912345678": mobile numbers are ten digits
 * with the prefixes in use since 2018 (03x, 05x, 07x, 08x, 09x), fixed lines eleven digits starting with 02.
 * "+84 912 345 678" and "0912.345.678" are read too.
 */
public final class PhoneNumberValidator {

    private static final Pattern MOBILE = Pattern.compile("0(3[2-9]|5[25689]|7[06-9]|8[1-9]|9\\d)\\d{7}");
    private static final Pattern FIXED = Pattern.compile("02\\d{9}");

    private PhoneNumberValidator() {
    }

    public static boolean isMobile(String number) {
        return MOBILE.matcher(number).matches();
    }

    public static boolean isValid(String number) {
        return isMobile(number) || FIXED.matcher(number).matches();
    }

    /** The number in {@code text}, repaired and normalized, if it is a valid Vietnamese number. */
    public static Optional<String> read(String text) {
        String compact = text.strip().replaceAll("[\\s.\\-()]", "");
        if (compact.startsWith("+84")) {
            compact = "0" + compact.substring(3);
        } else if (compact.startsWith("84") && compact.length() == 11) {
            compact = "0" + compact.substring(2);
        }
        return DigitRepair.digits(compact).filter(PhoneNumberValidator::isValid);
    }
}
