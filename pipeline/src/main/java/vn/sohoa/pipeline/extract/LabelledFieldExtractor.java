package vn.sohoa.pipeline.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.sohoa.pipeline.ocr.OcrPage;

/**
 * Fields printed as "label: value" on citizens' applications, certificates and cards ("Họ và tên: Nguyễn
 * Văn An", "Ngày sinh: 12/03/1990   Giới tính: Nam", "Số định danh cá nhân: 044190012345"). Labels are found
 * without marks, so OCR that loses one still finds them; several labels on one line split it. The first value
 * of a field that parses wins.
 */
public final class LabelledFieldExtractor {

    /** What a value is and how it is read. */
    enum Kind { NAME, DATE, GENDER, PERSONAL_ID, TAX_CODE, PHONE, TEXT }

    /** A label as printed and the field it introduces. */
    record Label(String printed, String field, Kind kind, java.util.regex.Pattern pattern) {
        Label(String printed, String field, Kind kind) {
            this(printed, field, kind, java.util.regex.Pattern.compile(Diacritics.fold(printed).chars()
                    .mapToObj(c -> c == ' ' ? "\\s*" : c == '/' ? "\\s*/\\s*"
                            : java.util.regex.Pattern.quote(String.valueOf((char) c)))
                    .collect(java.util.stream.Collectors.joining())));
        }
    }

    /** A value as read: normalized, how it was checked, whether OCR errors were repaired. */
    record Reading(String value, Validation validation, boolean repaired) {
    }

    private static final List<Label> LABELS = sortedLongestFirst(List.of(
            new Label("Họ và tên", "ho_ten", Kind.NAME),
            new Label("Họ, chữ đệm, tên", "ho_ten", Kind.NAME),
            new Label("Họ, chữ đệm và tên", "ho_ten", Kind.NAME),
            new Label("Họ tên", "ho_ten", Kind.NAME),
            new Label("Họ và tên người mẹ", "ho_ten_me", Kind.NAME),
            new Label("Họ, chữ đệm, tên người mẹ", "ho_ten_me", Kind.NAME),
            new Label("Họ và tên mẹ", "ho_ten_me", Kind.NAME),
            new Label("Họ và tên người cha", "ho_ten_cha", Kind.NAME),
            new Label("Họ, chữ đệm, tên người cha", "ho_ten_cha", Kind.NAME),
            new Label("Họ và tên cha", "ho_ten_cha", Kind.NAME),
            new Label("Ngày, tháng, năm sinh", "ngay_sinh", Kind.DATE),
            new Label("Ngày sinh", "ngay_sinh", Kind.DATE),
            new Label("Giới tính", "gioi_tinh", Kind.GENDER),
            new Label("Số định danh cá nhân", "so_dinh_danh", Kind.PERSONAL_ID),
            new Label("Số căn cước công dân", "so_dinh_danh", Kind.PERSONAL_ID),
            new Label("Số căn cước", "so_dinh_danh", Kind.PERSONAL_ID),
            new Label("Số CCCD", "so_dinh_danh", Kind.PERSONAL_ID),
            new Label("Số / No.", "so_dinh_danh", Kind.PERSONAL_ID),
            new Label("Chức vụ", "chuc_vu", Kind.TEXT),
            new Label("Nơi thường trú", "dia_chi", Kind.TEXT),
            new Label("Nơi cư trú", "dia_chi", Kind.TEXT),
            new Label("Địa chỉ thường trú", "dia_chi", Kind.TEXT),
            new Label("Địa chỉ trụ sở", "dia_chi", Kind.TEXT),
            new Label("Địa chỉ", "dia_chi", Kind.TEXT),
            new Label("Mã số thuế", "ma_so_thue", Kind.TAX_CODE),
            new Label("Mã số doanh nghiệp", "ma_so_thue", Kind.TAX_CODE),
            new Label("Số điện thoại", "so_dien_thoai", Kind.PHONE),
            new Label("Điện thoại", "so_dien_thoai", Kind.PHONE),
            new Label("Kính gửi", "kinh_gui", Kind.TEXT),
            new Label("Nơi sinh", "noi_sinh", Kind.TEXT),
            new Label("Quốc tịch", "quoc_tich", Kind.TEXT),
            new Label("Dân tộc", "dan_toc", Kind.TEXT),
            new Label("Tên hộ kinh doanh", "ten_to_chuc", Kind.TEXT),
            new Label("Tên doanh nghiệp", "ten_to_chuc", Kind.TEXT),
            new Label("Đại diện", "nguoi_dai_dien", Kind.NAME),
            new Label("Nội dung đề nghị", "noi_dung", Kind.TEXT)));

    public Map<String, Field> extract(List<OcrPage> pages) {
        Map<String, Field> fields = new LinkedHashMap<>();
        for (OcrPage page : pages) {
            List<LineText> lines = page.lines().stream().map(l -> LineText.of(page.number(), l)).toList();
            for (int i = 0; i < lines.size(); i++) {
                LineText next = i + 1 < lines.size() ? lines.get(i + 1) : null;
                read(lines.get(i), continuation(lines.get(i), next, page.width()), fields);
            }
        }
        return fields;
    }

    /**
     * The next line when it continues a value wrapped at the end of {@code line} ("..., tỉnh Bắc" / "Giang"):
     * short, carrying no label, not a sentence of its own.
     */
    private static LineText continuation(LineText line, LineText next, int pageWidth) {
        if (next == null || next.isEmpty() || line.isEmpty()) {
            return null;
        }
        boolean shortLine = next.box().width() < pageWidth * 0.35;
        boolean close = next.box().top() - line.box().bottom() < line.box().height() * 1.5;
        boolean labelled = labels(next.text()).size() > 0;
        return shortLine && close && !labelled && !next.text().strip().endsWith(".") && !next.isCapitals() ? next : null;
    }

    /** Labels found in {@code text}: label index, start, end of the label, ordered by position. */
    private static List<int[]> labels(String text) {
        String folded = Diacritics.fold(text);
        List<int[]> found = new ArrayList<>();
        boolean[] taken = new boolean[text.length()];
        for (int l = 0; l < LABELS.size(); l++) {
            java.util.regex.Matcher m = LABELS.get(l).pattern().matcher(folded);
            while (m.find()) {
                int at = m.start();
                int end = m.end();
                if (boundary(folded, at - 1) && introducesValue(folded, end) && !anyTaken(taken, at, end)) {
                    found.add(new int[] {l, at, end});
                    for (int i = at; i < end; i++) {
                        taken[i] = true;
                    }
                }
            }
        }
        found.sort(Comparator.comparingInt(f -> f[1]));
        return found;
    }

    /** A label is followed by ":" (or "/" on a bilingual card, or dotted leaders), maybe after a space. */
    private static boolean introducesValue(String folded, int end) {
        int i = end;
        while (i < folded.length() && folded.charAt(i) == ' ') {
            i++;
        }
        return i < folded.length() && ":;/.…".indexOf(folded.charAt(i)) >= 0 || (i > end && i == folded.length());
    }

    private static void read(LineText line, LineText continuation, Map<String, Field> fields) {
        String text = line.text();
        List<int[]> found = labels(text);
        for (int i = 0; i < found.size(); i++) {
            Label label = LABELS.get(found.get(i)[0]);
            int start = found.get(i)[2];
            int end = i + 1 < found.size() ? found.get(i + 1)[1] : text.length();
            while (start < end && ":;.,  ".indexOf(text.charAt(start)) >= 0) {
                start++;
            }
            if (start < end && text.charAt(start) == '/') {
                // a bilingual card: "Họ và tên / Full name: ..."
                int colon = text.indexOf(':', start);
                start = colon >= 0 && colon < end ? colon + 1 : start;
                while (start < end && text.charAt(start) == ' ') {
                    start++;
                }
            }
            String raw = text.substring(start, end);
            String value = raw.replaceAll("[.…_]{2,}", " ").replaceAll("[\\s,;.]+$", "").strip();
            if (fields.containsKey(label.field()) || value.isEmpty()) {
                continue;
            }
            boolean last = i + 1 == found.size();
            boolean wrapped = last && continuation != null && label.kind() == Kind.TEXT;
            if (wrapped) {
                value = value + " " + continuation.text().strip().replaceAll("[\\s,;.]+$", "");
            }
            Optional<Reading> reading = parse(label.kind(), value);
            if (reading.isPresent()) {
                Reading r = reading.get();
                boolean freeText = label.kind() == Kind.TEXT || label.kind() == Kind.NAME;
                double ocr = freeText ? line.weakest(start, end) : line.confidence(start, end);
                if (wrapped) {
                    ocr = Math.min(ocr, continuation.weakest(0, Integer.MAX_VALUE));
                }
                double confidence = label.kind() == Kind.TEXT
                        ? r.validation().confidence(ocr, r.repaired(), r.value().split(" ").length)
                        : r.validation().confidence(ocr, r.repaired());
                Field field = line.field(label.field(), r.value(), confidence, start, end);
                if (wrapped) {
                    List<vn.sohoa.pipeline.ocr.Box> boxes = new ArrayList<>(field.boxes());
                    boxes.addAll(continuation.boxes(0, Integer.MAX_VALUE));
                    field = new Field(field.name(), field.value(), field.confidence(), field.page(), boxes);
                }
                fields.put(label.field(), field);
            }
        }
    }

    static Optional<Reading> parse(Kind kind, String value) {
        return switch (kind) {
            case NAME -> PersonName.read(value).map(name -> {
                Optional<String> repaired = PersonName.repairFamilyName(name);
                String result = repaired.orElse(name);
                return new Reading(result, PersonName.hasKnownFamilyName(result) && VietnameseText.isPlausible(result)
                        ? Validation.PLAUSIBLE : Validation.UNCHECKED, repaired.isPresent());
            });
            case DATE -> VietnameseDateParser.find(value)
                    .map(d -> new Reading(d.date().toString(), Validation.VALID, d.repaired()));
            case GENDER -> GenderParser.parse(value).map(g -> new Reading(g, Validation.VALID, false));
            case PERSONAL_ID -> PersonalIdValidator.read(value)
                    .map(id -> new Reading(id, Validation.VALID, DigitRepair.needsRepair(value.replace(" ", ""))));
            case TAX_CODE -> TaxCodeValidator.read(value)
                    .map(code -> new Reading(code, Validation.VALID, DigitRepair.needsRepair(value.replaceAll("[\\s-]", ""))));
            case PHONE -> PhoneNumberValidator.read(value)
                    .map(phone -> new Reading(phone, Validation.VALID, false));
            case TEXT -> {
                String repaired = VocabularyRepair.repair(value.replaceAll("\\s+", " "));
                yield Optional.of(new Reading(repaired, VietnameseText.isPlausible(repaired) ? Validation.PLAUSIBLE
                        : Validation.UNCHECKED, !repaired.equals(value)));
            }
        };
    }

    private static List<Label> sortedLongestFirst(List<Label> labels) {
        return labels.stream().sorted(Comparator.comparingInt((Label l) -> l.printed().length()).reversed()).toList();
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
}
