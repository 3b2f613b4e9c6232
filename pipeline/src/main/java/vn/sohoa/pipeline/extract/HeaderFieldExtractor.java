package vn.sohoa.pipeline.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.sohoa.pipeline.ocr.Box;
import vn.sohoa.pipeline.ocr.OcrPage;

/**
 * Fields of the header of an administrative document (Nghị định 30/2020, appendix I), on its first page: the
 * issuing body (co_quan_ban_hanh) and the số ký hiệu (so_ky_hieu) in the left column, the place and date
 * (noi_ban_hanh, ngay_ban_hanh) under the national motto in the right column, and the subject (trich_yeu):
 * a công văn's "V/v ..." under its number, or the lines under the capital title of other documents.
 *
 * <p>The columns are told apart by the x of the motto's first word, so it works whether Tesseract reads the
 * header row by row or column by column.
 */
public final class HeaderFieldExtractor {

    private static final int HEADER_LINES = 18;
    private static final int SUBJECT_LINES = 8;

    public Map<String, Field> extract(List<OcrPage> pages) {
        Map<String, Field> fields = new LinkedHashMap<>();
        if (pages.isEmpty()) {
            return fields;
        }
        OcrPage first = pages.get(0);
        List<LineText> lines = first.lines().stream().map(l -> LineText.of(first.number(), l)).toList();
        int boundary = columnBoundary(lines, first.width());

        List<LineText> issuer = new ArrayList<>();
        List<LineText> subject = new ArrayList<>();
        boolean numberSeen = false;
        int dateLine = -1;
        int headerEnd = Math.min(HEADER_LINES, lines.size());
        for (int i = 0; i < Math.min(HEADER_LINES, lines.size()); i++) {
            LineText left = lines.get(i).leftOf(boundary);
            LineText right = lines.get(i).rightOf(boundary);
            if (dateLine >= 0 && i > dateLine && !right.isEmpty() || numberSeen && isCentredCapitals(lines.get(i), first.width())) {
                headerEnd = i;
                break;
            }
            if (!left.isEmpty()) {
                String text = left.text();
                String folded = Diacritics.fold(text).strip();
                if (!numberSeen && folded.matches("^S[O0-9]\\s*([:;.,]|\\s+\\d).*")) {
                    numberSeen = true;
                    CodeNotationParser.parse(text).ifPresent(code -> fields.put("so_ky_hieu", left.field("so_ky_hieu",
                            code.value(), Validation.VALID.confidence(left.confidence(), code.repaired())
                                    * (code.kind() == CodeNotationParser.Kind.TYPED ? 1 : 0.95), 0, text.length())));
                } else if (!numberSeen && left.isCapitals() && !isMotto(folded)) {
                    issuer.add(left);
                } else if (numberSeen && (folded.matches("^V\\s?/\\s?V?\\b.*") || !subject.isEmpty()) && subject.size() < SUBJECT_LINES
                        && right.isEmpty()) {
                    subject.add(left);
                }
            }
            if (!right.isEmpty() && dateLine < 0) {
                String text = right.text();
                Optional<VietnameseDateParser.DateMatch> date = VietnameseDateParser.find(text);
                if (date.isPresent()) {
                    dateLine = i;
                    VietnameseDateParser.DateMatch match = date.get();
                    fields.put("ngay_ban_hanh", right.field("ngay_ban_hanh", match.date().toString(),
                            Validation.VALID.confidence(right.confidence(match.start(), match.end()), match.repaired()),
                            match.start(), match.end()));
                    int comma = text.lastIndexOf(',', match.start());
                    if (comma > 0) {
                        String place = VocabularyRepair.repair(text.substring(0, comma).strip());
                        Validation validation = (PersonName.read(place).isPresent() || place.matches("\\p{Lu}\\p{Ll}+"))
                                && VietnameseText.isPlausible(place) ? Validation.PLAUSIBLE : Validation.UNCHECKED;
                        fields.put("noi_ban_hanh", right.field("noi_ban_hanh", place,
                                validation.confidence(right.weakest(0, comma), false), 0, comma));
                    }
                }
            }
        }
        if (!issuer.isEmpty()) {
            fields.put("co_quan_ban_hanh", joined("co_quan_ban_hanh", issuer, true));
        }
        if (subject.isEmpty() && headerEnd < lines.size() && lines.get(headerEnd).isCapitals()) {
            subject = subjectUnderTitle(lines, headerEnd);
        }
        if (!subject.isEmpty()) {
            Field field = joined("trich_yeu", subject, false);
            // a công văn's subject starts "V/v"; OCR often gives "V/ ", "V/V " or "V / v"
            String value = field.value().replaceFirst("^V\\s?/\\s?[vV]?\\s+", "V/v ");
            fields.put("trich_yeu", new Field(field.name(), value, field.confidence(), field.page(), field.boxes()));
        }
        return fields;
    }

    /** The lines right under the title, close together, before the gap that separates the subject from the body. */
    private static List<LineText> subjectUnderTitle(List<LineText> lines, int title) {
        List<LineText> subject = new ArrayList<>();
        Box previous = lines.get(title).box();
        for (int i = title + 1; i < lines.size() && subject.size() < SUBJECT_LINES; i++) {
            Box box = lines.get(i).box();
            if (box == null || box.top() - previous.bottom() > 0.8 * previous.height()) {
                break;
            }
            subject.add(lines.get(i));
            previous = box;
        }
        return subject;
    }

    private static Field joined(String name, List<LineText> lines, boolean issuer) {
        String value = VocabularyRepair.repair(String.join(" ", lines.stream().map(LineText::text).toList())
                .replaceAll("\\s+", " ").strip());
        List<Box> boxes = lines.stream().flatMap(l -> l.boxes(0, Integer.MAX_VALUE).stream()).toList();
        double ocr = lines.stream().flatMap(l -> l.words().stream()).mapToDouble(w -> w.confidence() / 100.0)
                .average().orElse(0);
        double weakest = lines.stream().flatMap(l -> l.words().stream()).mapToDouble(w -> w.confidence() / 100.0)
                .min().orElse(0);
        String folded = Diacritics.fold(value);
        boolean known = issuer && (folded.startsWith("UY BAN NHAN DAN") || folded.startsWith("HOI DONG NHAN DAN")
                || folded.startsWith("BO ") || folded.startsWith("SO ") || folded.startsWith("CHINH PHU"));
        // an issuer or subject is free text: plausible when every character is Vietnamese, and an issuer known
        Validation validation = VietnameseText.isPlausible(value) && (known || !issuer)
                ? Validation.PLAUSIBLE : Validation.UNCHECKED;
        double confidence = validation.confidence(Math.min(ocr, weakest + 0.05), false, value.split(" ").length);
        return new Field(name, value, Math.max(0, Math.min(1, confidence)), lines.get(0).page(), boxes);
    }

    /** A title: capitals across the middle of the page. */
    private static boolean isCentredCapitals(LineText line, int pageWidth) {
        var box = line.box();
        String folded = Diacritics.fold(line.text());
        return box != null && line.isCapitals() && !isMotto(folded) && box.left() < pageWidth / 2 && box.right() > pageWidth / 2;
    }

    private static boolean isMotto(String folded) {
        return folded.contains("CONG HOA") || folded.contains("DOC LAP");
    }

    /** The x where the header's right column starts: the left of "CỘNG" in the national motto. */
    static int columnBoundary(List<LineText> lines, int pageWidth) {
        for (int i = 0; i < Math.min(HEADER_LINES, lines.size()); i++) {
            var words = lines.get(i).words();
            for (int w = 0; w + 1 < words.size(); w++) {
                if (Diacritics.fold(words.get(w).text()).startsWith("CONG")
                        && Diacritics.fold(words.get(w + 1).text()).startsWith("HOA")) {
                    return words.get(w).box().left() - pageWidth / 100;
                }
            }
        }
        return (int) (pageWidth * 0.44);
    }
}
