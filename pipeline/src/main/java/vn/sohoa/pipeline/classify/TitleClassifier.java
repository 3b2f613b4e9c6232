package vn.sohoa.pipeline.classify;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.sohoa.pipeline.ocr.OcrLine;
import vn.sohoa.pipeline.ocr.OcrPage;

/**
 * Layout-and-keyword rule: the type of an administrative document is the title printed in capitals near
 * the top of its first page ("QUYẾT ĐỊNH", "BÁO CÁO", ...), and a công văn is known by its "V/v" subject.
 * Titles are matched without diacritics, so OCR that loses a mark still matches.
 */
public final class TitleClassifier {

    private static final Map<String, String> TITLES = new LinkedHashMap<>();

    static {
        TITLES.put("GIAY CHUNG NHAN", "giay_chung_nhan");
        TITLES.put("GIAY XAC NHAN", "giay_xac_nhan");
        TITLES.put("GIAY KHAI SINH", "giay_khai_sinh");
        TITLES.put("GIAY PHEP", "giay_phep");
        TITLES.put("QUYET DINH", "quyet_dinh");
        TITLES.put("BAO CAO", "bao_cao");
        TITLES.put("TO TRINH", "to_trinh");
        TITLES.put("THONG BAO", "thong_bao");
        TITLES.put("KE HOACH", "ke_hoach");
        TITLES.put("BIEN BAN", "bien_ban");
        TITLES.put("DON DE NGHI", "don_de_nghi");
        TITLES.put("TO KHAI", "to_khai");
        TITLES.put("HOP DONG", "hop_dong");
        TITLES.put("CAN CUOC", "cccd");
    }

    /** How many lines from the top of the first page may hold the title. */
    private static final int TITLE_LINES = 25;

    public DocumentType classify(List<OcrPage> pages) {
        if (pages.isEmpty()) {
            return DocumentType.unknown();
        }
        List<OcrLine> lines = pages.get(0).lines();
        for (int i = 0; i < Math.min(TITLE_LINES, lines.size()); i++) {
            String text = lines.get(i).text().strip();
            String folded = fold(text);
            Optional<String> match = TITLES.entrySet().stream()
                    .filter(e -> folded.startsWith(e.getKey()) && isUpperCase(text))
                    .map(Map.Entry::getValue).findFirst();
            if (match.isPresent()) {
                return new DocumentType(match.get(), confidence(lines.get(i)));
            }
            if (folded.startsWith("V/V ") || folded.startsWith("V/V:")) {
                return new DocumentType("cong_van", 0.8 * confidence(lines.get(i)));
            }
        }
        return DocumentType.unknown();
    }

    private static double confidence(OcrLine line) {
        return line.words().stream().mapToDouble(w -> w.confidence() / 100.0).average().orElse(0);
    }

    private static boolean isUpperCase(String text) {
        long letters = text.codePoints().filter(Character::isLetter).count();
        long upper = text.codePoints().filter(Character::isUpperCase).count();
        return letters > 0 && upper >= letters * 0.8;
    }

    /** Upper case without diacritics; Đ becomes D. */
    public static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return decomposed.replace('Đ', 'D').replace('đ', 'd').toUpperCase(java.util.Locale.ROOT);
    }
}
