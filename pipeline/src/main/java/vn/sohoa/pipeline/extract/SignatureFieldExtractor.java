package vn.sohoa.pipeline.extract;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.sohoa.pipeline.ocr.OcrPage;

/**
 * The signer of a document, from the signature block at the bottom right of its last page: the signer's
 * full name (nguoi_ky) is the last line there shaped like a name, and the position (chuc_vu_nguoi_ky,
 * "CHỦ TỊCH", "PHÓ CHỦ TỊCH") the nearest line in capitals above it that is not an authority prefix
 * ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH").
 */
public final class SignatureFieldExtractor {

    /** Lines from the bottom of the last page searched for the name. */
    private static final int NAME_LINES = 12;
    /** Lines above the name searched for the position (the signature itself sits between). */
    private static final int TITLE_LINES = 6;

    public Map<String, Field> extract(List<OcrPage> pages) {
        Map<String, Field> fields = new LinkedHashMap<>();
        if (pages.isEmpty()) {
            return fields;
        }
        OcrPage last = pages.get(pages.size() - 1);
        int column = (int) (last.width() * 0.45);
        List<LineText> lines = last.lines().stream().map(l -> LineText.of(last.number(), l).rightOf(column))
                .filter(l -> !l.isEmpty()).toList();
        for (int i = lines.size() - 1; i >= Math.max(0, lines.size() - NAME_LINES); i--) {
            LineText line = lines.get(i);
            Optional<String> name = PersonName.read(line.text());
            if (name.isEmpty() || line.isCapitals() || isAuthority(line.text())) {
                continue;
            }
            Optional<String> repaired = PersonName.repairFamilyName(name.get());
            String value = repaired.orElse(name.get());
            Validation validation = PersonName.hasKnownFamilyName(value) && VietnameseText.isPlausible(value)
                    ? Validation.PLAUSIBLE : Validation.UNCHECKED;
            fields.put("nguoi_ky", line.field("nguoi_ky", value,
                    validation.confidence(line.weakest(0, Integer.MAX_VALUE), repaired.isPresent()), 0, line.text().length()));
            for (int j = i - 1; j >= Math.max(0, i - TITLE_LINES); j--) {
                LineText above = lines.get(j);
                if (above.isCapitals() && !isAuthority(above.text())) {
                    String title = VocabularyRepair.repair(above.text().replaceAll("\\s+", " ").strip()
                            .replaceAll("^[^\\p{L}]+", ""));
                    Validation known = VocabularyRepair.isKnown(title) || Diacritics.fold(title).matches(
                            "(PHO )?(CHU TICH|GIAM DOC|TRUONG PHONG.*|THU KY|CHANH VAN PHONG|BO TRUONG|THU TRUONG|THU TUONG|THONG DOC)")
                            ? Validation.PLAUSIBLE : Validation.UNCHECKED;
                    fields.put("chuc_vu_nguoi_ky", above.field("chuc_vu_nguoi_ky", title,
                            known.confidence(above.weakest(0, Integer.MAX_VALUE), false), 0, above.text().length()));
                    break;
                }
            }
            break;
        }
        return fields;
    }

    private static boolean isAuthority(String text) {
        return Diacritics.fold(text.strip()).matches("^(TM|KT|Q|TL|TUQ)\\s*\\..*");
    }
}
