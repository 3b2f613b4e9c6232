package vn.sohoa.pipeline.pdf;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A document's "số và ký hiệu" split as the archive wants it (Nghị định 30/2020, appendix VI): the number
 * ("1437", or "29/2025" for a legal normative document whose number carries its year) and the notation
 * ("QĐ-UBND", "QĐ-TTg", "UBND-VP").
 */
public record CodeNotation(String number, String notation) {

    private static final Pattern CODE = Pattern.compile("(\\d+(?:/\\d{4})?)/(\\S+)");

    public CodeNotation {
        if (number == null || number.isBlank() || notation == null || notation.isBlank()) {
            throw new IllegalArgumentException("a số ký hiệu needs both a number and a notation, got "
                    + number + "/" + notation);
        }
    }

    /** Splits "1437/QĐ-UBND" or "Số: 29/2025/QĐ-TTg"; empty when the text is not a số ký hiệu. */
    public static Optional<CodeNotation> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String stripped = text.strip().replaceFirst("^(?i)số\\s*:?\\s*", "");
        Matcher m = CODE.matcher(stripped);
        return m.matches() ? Optional.of(new CodeNotation(m.group(1), m.group(2))) : Optional.empty();
    }

    @Override
    public String toString() {
        return number + "/" + notation;
    }
}
