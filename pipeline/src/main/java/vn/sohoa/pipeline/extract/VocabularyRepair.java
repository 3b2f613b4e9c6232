package vn.sohoa.pipeline.extract;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Puts back marks that OCR lost in known administrative vocabulary: "Uy ban nhan dan" becomes "Ủy ban nhân
 * dân", "CHU TICH" becomes "CHỦ TỊCH". A stretch of text is replaced only when, without marks, it is exactly a
 * known phrase between word boundaries, so a repair never invents words. Capitals stay capitals.
 */
public final class VocabularyRepair {

    /** Phrases, longest first so that "Phó Chủ tịch" wins over "Chủ tịch". */
    private static final List<String> PHRASES = List.of(
            "Cộng hòa xã hội chủ nghĩa Việt Nam", "Độc lập - Tự do - Hạnh phúc",
            "Hội đồng nhân dân", "Ủy ban nhân dân", "Phó Chủ tịch", "Chủ tịch", "Phó Giám đốc", "Giám đốc",
            "Trưởng phòng", "Phó Trưởng phòng", "Phó Thủ tướng", "Thủ tướng", "Bộ trưởng",
            "Thứ trưởng", "Phó Thống đốc", "Thống đốc", "Công chức Tư pháp - Hộ tịch", "Thư ký", "Văn phòng",
            "Phòng Nội vụ", "Phòng Tư pháp", "Phòng Tài nguyên và Môi trường", "Phòng Kinh tế và Hạ tầng",
            "Phòng Tài chính - Kế hoạch", "Công an", "Kính gửi", "Họ và tên", "Ngày sinh", "Giới tính",
            "Số định danh cá nhân", "Nơi thường trú", "Nơi cư trú", "Địa chỉ", "Mã số thuế", "Số điện thoại",
            "sửa đổi", "bổ sung", "nhân dân", "thẩm định", "chuyển đổi số", "thủ tục hành chính",
            "cải cách hành chính", "hướng dẫn", "thị trấn", "thị xã", "thành phố", "huyện", "phường", "Việt Nam", "Nữ");

    private static final List<String> ORDERED = PHRASES.stream()
            .sorted((a, b) -> Integer.compare(b.length(), a.length())).toList();

    private VocabularyRepair() {
    }

    /** {@code text} with known phrases' marks restored; the same text when nothing needed restoring. */
    public static String repair(String text) {
        String folded = Diacritics.fold(text);
        StringBuilder out = new StringBuilder(text);
        boolean[] taken = new boolean[text.length()];
        for (String phrase : ORDERED) {
            String key = Diacritics.fold(phrase);
            int from = 0;
            int at;
            while ((at = folded.indexOf(key, from)) >= 0) {
                int end = at + key.length();
                from = end;
                if (!boundary(folded, at - 1) || !boundary(folded, end) || anyTaken(taken, at, end)) {
                    continue;
                }
                String original = text.substring(at, end);
                String replacement = casedLike(original, phrase);
                if (sameLetters(original, replacement)) {
                    out.replace(at, end, replacement);
                }
                for (int i = at; i < end; i++) {
                    taken[i] = true;
                }
            }
        }
        return out.toString();
    }

    /** The repaired text if any mark was restored. */
    public static Optional<String> repaired(String text) {
        String repaired = repair(text);
        return repaired.equals(text) ? Optional.empty() : Optional.of(repaired);
    }

    /** Whether {@code text}, without marks, is a known phrase. */
    public static boolean isKnown(String text) {
        String folded = Diacritics.fold(text.strip());
        return PHRASES.stream().anyMatch(p -> Diacritics.fold(p).equals(folded));
    }

    private static boolean boundary(String text, int index) {
        return index < 0 || index >= text.length() || !Character.isLetterOrDigit(text.charAt(index));
    }

    private static boolean anyTaken(boolean[] taken, int from, int to) {
        for (int i = from; i < to; i++) {
            if (taken[i]) {
                return true;
            }
        }
        return false;
    }

    /** Only the letters' case-insensitive identity matters: a phrase replaces text with the same base letters. */
    private static boolean sameLetters(String original, String replacement) {
        return Diacritics.fold(original).equals(Diacritics.fold(replacement));
    }

    private static String casedLike(String original, String phrase) {
        long letters = original.chars().filter(Character::isLetter).count();
        long upper = original.chars().filter(Character::isUpperCase).count();
        if (letters > 0 && upper == letters) {
            return phrase.toUpperCase(Locale.ROOT);
        }
        // keep the case of each original letter where the phrase has the same base letter
        StringBuilder out = new StringBuilder(phrase.length());
        for (int i = 0; i < phrase.length(); i++) {
            char p = phrase.charAt(i);
            char o = original.charAt(i);
            out.append(Character.isUpperCase(o) ? Character.toUpperCase(p) : Character.toLowerCase(p));
        }
        return out.toString();
    }
}
