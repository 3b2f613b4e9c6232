package vn.sohoa.pipeline.extract;

import java.util.Locale;
import vn.sohoa.models.language.Marks;

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
        return Marks.strip(text);
    }

    /** Upper case without marks; same length as {@code text}. */
    public static String fold(String text) {
        return Marks.strip(text).toUpperCase(Locale.ROOT);
    }
}
