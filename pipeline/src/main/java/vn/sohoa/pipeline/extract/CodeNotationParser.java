package vn.sohoa.pipeline.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a số ký hiệu ("Số: 1437/QĐ-UBND", "Số: 29/2025/QĐ-TTg", "Số: 12/UBND-VP") from an OCR line and
 * normalizes it to "1437/QĐ-UBND". Repairs what OCR typically breaks, keeping a repair only when the result
 * validates: letters for digits in the number ("1O" to "10"), a lost stroke in a known abbreviation ("QD" to
 * "QĐ", "HDND" to "HĐND"), the Icelandic Ð for Đ. Valid means a number, an optional year, and a notation whose
 * first part is a known type abbreviation (Nghị định 30/2020, appendix III) or, for a công văn, which carries
 * none, an issuer abbreviation in capitals.
 */
public final class CodeNotationParser {

    /** How the notation was recognized. */
    public enum Kind {
        /** The first part is a type abbreviation (QĐ, BC, ...). */
        TYPED,
        /** No type abbreviation: a công văn ("UBND-VP"). */
        UNTYPED
    }

    /** A parsed số ký hiệu. */
    public record Code(String value, String typeAbbreviation, Kind kind, boolean repaired) {
    }

    /** Type abbreviations of ND 30/2020 appendix III, with NĐ and TT of legal normative documents and the GCN, GP, GXN used on results. */
    public static final List<String> TYPE_ABBREVIATIONS = List.of("NQ", "QĐ", "CT", "QC", "QyĐ", "TB", "HD", "KH",
            "BC", "BB", "TTr", "HĐ", "CĐ", "GUQ", "GM", "GGT", "GNP", "NĐ", "TT", "TTLT", "GCN", "GP", "GXN");

    /** Issuer abbreviations whose Đ OCR tends to lose. */
    private static final Map<String, String> ISSUER_REPAIRS = Map.of("HDND", "HĐND", "DHQG", "ĐHQG", "BQLDA", "BQLDA");

    private static final Pattern LABEL = Pattern.compile("^\\s*S[ốôoóồổỗộơớờởỡợ6]\\s*[:;.,]?\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern CODE = Pattern.compile(
            "^([0-9OoIlS]{1,6})\\s*/\\s*(?:((?:19|20)[0-9OoIl]{2})\\s*/\\s*)?([\\p{L}0-9]+(?:\\s*-\\s*[\\p{L}0-9]+){0,4})");

    private static final Pattern LOST_SLASH = Pattern.compile("^(\\d{1,6})(\\p{Lu}[\\p{L}0-9]*-.*)");

    private CodeNotationParser() {
    }

    /** The số ký hiệu at the start of {@code line}, with or without its "Số:" label. */
    public static Optional<Code> parse(String line) {
        String text = line.replace('Ð', 'Đ').replace('ð', 'đ');
        Matcher label = LABEL.matcher(text);
        if (label.find()) {
            text = text.substring(label.end());
        }
        Matcher m = CODE.matcher(text.strip());
        boolean slashRestored = false;
        if (!m.find()) {
            // "35UBND-TNMT": OCR lost the slash between the number and the notation
            Matcher lost = LOST_SLASH.matcher(text.strip());
            if (!lost.find()) {
                return Optional.empty();
            }
            m = CODE.matcher(lost.group(1) + "/" + lost.group(2));
            if (!m.find()) {
                return Optional.empty();
            }
            slashRestored = true;
        }
        Optional<String> number = DigitRepair.digits(m.group(1));
        Optional<String> year = m.group(2) == null ? Optional.of("") : DigitRepair.digits(m.group(2));
        if (number.isEmpty() || year.isEmpty()) {
            return Optional.empty();
        }
        boolean repaired = slashRestored || DigitRepair.needsRepair(m.group(1)) || (m.group(2) != null && DigitRepair.needsRepair(m.group(2)));
        String[] parts = m.group(3).replaceAll("\\s+", "").split("-");
        List<String> notation = new ArrayList<>();
        Kind kind = Kind.UNTYPED;
        String typeAbbreviation = "";
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (i == 0) {
                Optional<String> type = typeAbbreviation(part);
                if (type.isPresent()) {
                    repaired |= !type.get().equals(part);
                    part = type.get();
                    kind = Kind.TYPED;
                    typeAbbreviation = part;
                } else if (!isIssuerAbbreviation(part) || parts.length < 2) {
                    return Optional.empty();
                }
            }
            String issuer = ISSUER_REPAIRS.get(part);
            if (issuer != null) {
                repaired |= !issuer.equals(part);
                part = issuer;
            }
            notation.add(part);
        }
        if (kind == Kind.TYPED && notation.size() < 2) {
            return Optional.empty();
        }
        String value = number.get() + (year.get().isEmpty() ? "" : "/" + year.get()) + "/" + String.join("-", notation);
        return Optional.of(new Code(value, typeAbbreviation, kind, repaired));
    }

    /** {@code part} as a known type abbreviation: exactly, or the one abbreviation it folds to ("QD" to "QĐ"). */
    static Optional<String> typeAbbreviation(String part) {
        if (TYPE_ABBREVIATIONS.contains(part)) {
            return Optional.of(part);
        }
        String folded = Diacritics.fold(part);
        List<String> candidates = TYPE_ABBREVIATIONS.stream().filter(a -> Diacritics.fold(a).equals(folded))
                .filter(a -> !TYPE_ABBREVIATIONS.contains(folded) || a.equals(folded)).toList();
        if (candidates.size() == 1 && !candidates.get(0).equals(folded)) {
            return Optional.of(candidates.get(0));
        }
        // "HD" is both HD (hướng dẫn) and a HĐ that lost its stroke: it stays as read
        return candidates.contains(folded) ? Optional.of(folded) : Optional.empty();
    }

    private static boolean isIssuerAbbreviation(String part) {
        return part.length() >= 2 && part.length() <= 8 && part.chars().allMatch(c -> Character.isUpperCase(c))
                && Character.isLetter(part.charAt(0));
    }
}
