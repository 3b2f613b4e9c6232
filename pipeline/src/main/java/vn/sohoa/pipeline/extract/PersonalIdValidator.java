package vn.sohoa.pipeline.extract;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Số định danh cá nhân (the CCCD number): 12 digits = a province code 001-096, one digit for gender and century
 * (0/1 a man/woman born in the 1900s, 2/3 in the 2000s, 4/5 in the 2100s, 6/7 in the 2200s, 8/9 in the 1800s),
 * the last two digits of the birth year, and six more. There is no check digit, so a number is checked for
 * its shape, its province and, when they were read too, the birth date and gender.
 */
public final class PersonalIdValidator {

    private PersonalIdValidator() {
    }

    /** Twelve digits with a province code from 001 to 096. */
    public static boolean isWellFormed(String id) {
        if (id == null || !id.matches("\\d{12}")) {
            return false;
        }
        int province = Integer.parseInt(id.substring(0, 3));
        return province >= 1 && province <= 96;
    }

    /** The first year of the century the holder was born in (1900 for digits 0 and 1). */
    public static int century(String id) {
        int digit = id.charAt(3) - '0';
        return digit >= 8 ? 1800 : 1900 + 100 * (digit / 2);
    }

    /** "nam" or "nu" (see {@link GenderParser}) from the gender digit. */
    public static String gender(String id) {
        return (id.charAt(3) - '0') % 2 == 0 ? GenderParser.MALE : GenderParser.FEMALE;
    }

    /** The birth year the number encodes. */
    public static int birthYear(String id) {
        return century(id) + Integer.parseInt(id.substring(4, 6));
    }

    /** Whether a well-formed number agrees with a birth date read elsewhere on the page. */
    public static boolean agreesWith(String id, LocalDate birth) {
        return isWellFormed(id) && birthYear(id) == birth.getYear();
    }

    /** Whether a well-formed number agrees with a gender ("nam"/"nu") read elsewhere on the page. */
    public static boolean agreesWith(String id, String gender) {
        return isWellFormed(id) && gender(id).equals(gender);
    }

    /** The 12 digits in {@code text} ("001 090 012345", "O01O9OO12345"), repaired, if they are well formed. */
    public static Optional<String> read(String text) {
        return DigitRepair.digits(text.replace(".", "")).filter(PersonalIdValidator::isWellFormed);
    }
}
