package vn.sohoa.pipeline.extract;

import java.text.Normalizer;

/**
 * Vietnamese letters without their marks, one character for one character ("Quyết định" gives "Quyet dinh",
 * "Đ" gives "D"), so an index into the folded text is an index into the original. OCR often loses or
 * changes a mark; matching on folded text still finds the words.
 */
public final class Diacritics {

    private Diacritics() {
    }

    /** {@code text} with every letter reduced to its base letter; same length as {@code text}. */
    public static String strip(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            out.append(base(text.charAt(i)));
        }
        return out.toString();
    }

    /** Upper case without marks; same length as {@code text}. */
    public static String fold(String text) {
        return strip(text).toUpperCase(java.util.Locale.ROOT);
    }

    private static char base(char c) {
        if (c < 0x80) {
            return c;
        }
        switch (c) {
            case 'Đ', 'Ð' -> {
                return 'D';
            }
            case 'đ', 'ð' -> {
                return 'd';
            }
            default -> {
                String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
                char first = decomposed.charAt(0);
                return Character.isLetter(first) ? first : c;
            }
        }
    }
}
