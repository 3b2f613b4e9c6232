package vn.sohoa.models.language;

import java.text.Normalizer;

/**
 * Letters without their marks, tone and vowel marks alike, đ read as d: the one folding that search, scoring
 * and tone correction share, so that they agree on which spellings are the same word.
 */
public final class Marks {

    private Marks() {
    }

    /** The letter's base letter ('ế' gives 'e', 'Đ' gives 'D'); any other character is itself. */
    public static char base(char c) {
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
                char first = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).charAt(0);
                return Character.isLetter(first) ? first : c;
            }
        }
    }

    /**
     * Every letter of {@code text} reduced to its base, character for character, so that an index into the
     * result is an index into the text (precomposed text, as OCR and the corpus give it).
     */
    public static String strip(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            out.append(base(text.charAt(i)));
        }
        return out.toString();
    }

    /** The word's base letters in any normal form: also marks written as separate combining characters go. */
    public static String withoutMarks(String word) {
        String stripped = strip(Normalizer.normalize(word, Normalizer.Form.NFC));
        StringBuilder kept = new StringBuilder(stripped.length());
        for (int i = 0; i < stripped.length(); i++) {
            char c = stripped.charAt(i);
            if (Character.getType(c) != Character.NON_SPACING_MARK) {
                kept.append(c);
            }
        }
        return kept.toString();
    }
}
