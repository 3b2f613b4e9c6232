package vn.sohoa.pipeline.extract;

import java.util.Optional;
import java.util.Set;

/**
 * A Vietnamese full name as printed ("Nguyễn Văn An", or "NGUYỄN VĂN AN" on a card): two to six words of
 * letters, each capitalized. Plausible when the family name is a common one, whose marks are restored when OCR
 * lost them ("Nguyen" to "Nguyễn").
 */
public final class PersonName {

    private static final Set<String> FAMILY_NAMES = Set.of("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh",
            "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Lữ", "Trương", "Đinh", "Lâm",
            "Mai", "Trịnh", "Đoàn", "Cao", "Lương", "Tạ", "Hà", "Tô", "Chu", "Quách", "Thái", "Triệu", "Kiều");

    private PersonName() {
    }

    /** The name in {@code text}, spaces normalized, if it has the shape of a name. */
    public static Optional<String> read(String text) {
        String name = text.strip().replaceAll("[.,;:…]+$", "").replaceAll("\\s+", " ");
        String[] words = name.split(" ");
        if (words.length < 2 || words.length > 6) {
            return Optional.empty();
        }
        boolean capitals = name.equals(name.toUpperCase(java.util.Locale.ROOT));
        for (String word : words) {
            if (!word.codePoints().allMatch(Character::isLetter) || !Character.isUpperCase(word.codePointAt(0))) {
                return Optional.empty();
            }
            if (!capitals && word.length() > 1 && !word.substring(1).equals(word.substring(1).toLowerCase(java.util.Locale.ROOT))) {
                return Optional.empty();
            }
        }
        return Optional.of(capitals ? titleCase(words) : name);
    }

    /** "NGUYỄN VĂN AN" as "Nguyễn Văn An". */
    private static String titleCase(String[] words) {
        StringBuilder out = new StringBuilder();
        for (String word : words) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(word.charAt(0)).append(word.substring(1).toLowerCase(java.util.Locale.ROOT));
        }
        return out.toString();
    }

    /** Whether the first word is a common family name, with or without its marks. */
    public static boolean hasKnownFamilyName(String name) {
        String first = name.split(" ")[0];
        return FAMILY_NAMES.stream().anyMatch(f -> f.equalsIgnoreCase(first));
    }

    /** The family name with its marks restored when OCR lost them and only one common family name fits. */
    public static Optional<String> repairFamilyName(String name) {
        String[] words = name.split(" ", 2);
        if (FAMILY_NAMES.stream().anyMatch(f -> f.equalsIgnoreCase(words[0]))) {
            return Optional.empty();
        }
        String folded = Diacritics.fold(words[0]);
        var matches = FAMILY_NAMES.stream().filter(f -> Diacritics.fold(f).equals(folded)).toList();
        if (matches.size() != 1 || !words[0].equals(Diacritics.strip(words[0]))) {
            return Optional.empty();
        }
        String family = words[0].equals(words[0].toUpperCase(java.util.Locale.ROOT))
                ? matches.get(0).toUpperCase(java.util.Locale.ROOT) : matches.get(0);
        return Optional.of(words.length > 1 ? family + " " + words[1] : family);
    }
}
