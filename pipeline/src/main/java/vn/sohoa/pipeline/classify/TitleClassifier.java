package vn.sohoa.pipeline.classify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import vn.sohoa.pipeline.extract.Diacritics;
import vn.sohoa.pipeline.ocr.Box;
import vn.sohoa.pipeline.ocr.OcrLine;
import vn.sohoa.pipeline.ocr.OcrPage;

/**
 * Layout-and-keyword rule: the type of a document is the title printed in capitals in the upper half of its
 * first page ("QUYẾT ĐỊNH", "GIẤY CHỨNG NHẬN ĐĂNG KÝ HỘ KINH DOANH", "TỜ KHAI ..."), and a công văn, which
 * has no title, is known by its "V/v" subject in the header. Titles are matched without marks, so OCR that
 * loses one still matches, and with one wrong letter at a lower confidence.
 */
public final class TitleClassifier {

    /** A title found on the page: the kind it names, how sure (OCR confidence of the line, 0 to 1), and where. */
    public record TitleMatch(DocumentKind kind, double confidence, int page, Box box) {
    }

    private record Title(String folded, DocumentKind kind) {
    }

    private static final List<Title> TITLES = titles();
    /** A title is in the upper part of the first page. */
    private static final double TITLE_ZONE = 0.5;
    private static final double ONE_LETTER_OFF = 0.85;
    private static final double CONG_VAN = 0.9;

    /** The title of the document whose first page is {@code page}, if one is printed there. */
    public Optional<TitleMatch> find(OcrPage page) {
        for (OcrLine line : page.lines()) {
            if (line.box().top() > page.height() * TITLE_ZONE) {
                break;
            }
            String text = line.text().strip();
            String folded = Diacritics.fold(text).replaceAll("\\s+", " ").replaceAll("[:.]+$", "").strip();
            if (folded.contains("CONG HOA") || folded.contains("DOC LAP")) {
                continue;
            }
            if (folded.matches("^V ?/ ?V?[ :].*")) {
                return Optional.of(new TitleMatch(DocumentKind.CONG_VAN, CONG_VAN * confidence(line), page.number(), line.box()));
            }
            if (!isCapitals(text)) {
                continue;
            }
            for (Title title : TITLES) {
                if (folded.equals(title.folded()) || folded.startsWith(title.folded() + " ")) {
                    return Optional.of(new TitleMatch(title.kind(), confidence(line), page.number(), line.box()));
                }
            }
            for (Title title : TITLES) {
                if (title.folded().length() >= 7 && oneLetterOff(folded, title.folded())) {
                    return Optional.of(new TitleMatch(title.kind(), ONE_LETTER_OFF * confidence(line), page.number(),
                            line.box()));
                }
            }
        }
        return Optional.empty();
    }

    /** The kind named by the title alone, as a {@link DocumentType}; unknown when there is no title. */
    public DocumentType classify(List<OcrPage> pages) {
        return pages.isEmpty() ? DocumentType.unknown()
                : find(pages.get(0)).map(m -> new DocumentType(m.kind().code(), m.confidence()))
                        .orElse(DocumentType.unknown());
    }

    private static boolean oneLetterOff(String line, String title) {
        if (line.length() < title.length() || (line.length() > title.length() && line.charAt(title.length()) != ' ')) {
            return false;
        }
        int differences = 0;
        for (int i = 0; i < title.length(); i++) {
            if (line.charAt(i) != title.charAt(i) && ++differences > 1) {
                return false;
            }
        }
        return true;
    }

    private static double confidence(OcrLine line) {
        return line.words().stream().mapToDouble(w -> w.confidence() / 100.0).average().orElse(0);
    }

    private static boolean isCapitals(String text) {
        long letters = text.codePoints().filter(Character::isLetter).count();
        long upper = text.codePoints().filter(Character::isUpperCase).count();
        return letters >= 3 && upper >= letters * 0.8;
    }

    private static List<Title> titles() {
        List<Title> titles = new ArrayList<>();
        for (DocumentKind kind : DocumentKind.values()) {
            kind.titles().forEach(t -> titles.add(new Title(t, kind)));
        }
        titles.sort(Comparator.comparingInt((Title t) -> t.folded().length()).reversed());
        return List.copyOf(titles);
    }
}
