package vn.sohoa.pipeline.extract;

/**
 * Whether OCR'd text could be Vietnamese as printed: only letters of the Vietnamese alphabet (with its marks),
 * the Latin letters of borrowed words, digits and ordinary punctuation. Letters such as "ø", "ö" or "ï" and
 * stray symbols are what OCR makes of a smudge, so text with them is not to be trusted.
 */
public final class VietnameseText {

    private static final String LETTERS = "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệfghiìíỉĩịjklmnoòóỏõọôồốổỗộơờớởỡợpqrstu"
            + "ùúủũụưừứửữựvwxyỳýỷỹỵz";
    private static final String PUNCTUATION = " .,;:-–/()%\"'“”";

    private VietnameseText() {
    }

    public static boolean isPlausible(String text) {
        if (text.isBlank()) {
            return false;
        }
        return text.codePoints().allMatch(c -> Character.isDigit(c) && c < 128
                || LETTERS.indexOf(Character.toLowerCase(c)) >= 0 || PUNCTUATION.indexOf(c) >= 0);
    }
}
