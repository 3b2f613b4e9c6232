package vn.sohoa.pipeline.extract;

import java.util.Optional;

/** Giới tính as a stable code: "Nam" gives "nam", "Nữ" (or "Nu", "Nừ" from OCR) gives "nu". */
public final class GenderParser {

    public static final String MALE = "nam";
    public static final String FEMALE = "nu";

    private GenderParser() {
    }

    public static Optional<String> parse(String text) {
        String folded = Diacritics.fold(text.strip()).replaceAll("[^A-Z]", "");
        return switch (folded) {
            case "NAM", "MALE" -> Optional.of(MALE);
            case "NU", "FEMALE" -> Optional.of(FEMALE);
            default -> Optional.empty();
        };
    }
}
