package vn.sohoa.pipeline.extract;

import java.util.Optional;

/**
 * Digits that OCR read as look-alike letters: O and o for 0, l, I, i and | for 1, S for 5, B for 8, Z for 2,
 * G for 6. Used on text that must be a number; the caller keeps the repair only if the number then validates.
 */
public final class DigitRepair {

    private DigitRepair() {
    }

    /** {@code text} with look-alikes turned into digits and spaces removed, if nothing but digits remains. */
    public static Optional<String> digits(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char d = digit(c);
            if (d != 0) {
                out.append(d);
            } else if (!Character.isWhitespace(c)) {
                return Optional.empty();
            }
        }
        return out.isEmpty() ? Optional.empty() : Optional.of(out.toString());
    }

    /** Whether {@code text} has a character that {@link #digits} would change. */
    public static boolean needsRepair(String text) {
        return text.chars().anyMatch(c -> !Character.isDigit(c) && !Character.isWhitespace(c));
    }

    private static char digit(char c) {
        if (c >= '0' && c <= '9') {
            return c;
        }
        return switch (c) {
            case 'O', 'o', 'Ο', 'о', 'О' -> '0';
            case 'l', 'I', 'i', '|', '!' -> '1';
            case 'S', 's' -> '5';
            case 'B' -> '8';
            case 'Z', 'z' -> '2';
            case 'G' -> '6';
            default -> 0;
        };
    }
}
