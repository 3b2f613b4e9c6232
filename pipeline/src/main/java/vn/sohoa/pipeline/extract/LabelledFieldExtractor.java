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
    record Label(String printed, String field, Kind kind) {
        String folded() {
            return Diacritics.fold(printed);
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
            page.lines().forEach(line -> read(LineText.of(page.number(), line), fields));
        }
        return fields;
    }

    private static void read(LineText line, Map<String, Field> fields) {
        String text = line.text();
        String folded = Diacritics.fold(text);
        List<int[]> found = new ArrayList<>(); // label index, start, end
        boolean[] taken = new boolean[text.length()];
        for (int l = 0; l < LABELS.size(); l++) {
            String key = LABELS.get(l).folded();
            int at = folded.indexOf(key);
            while (at >= 0) {
                int end = at + key.length();
                if (boundary(folded, at - 1) && boundary(folded, end) && !anyTaken(taken, at, end)) {
                    found.add(new int[] {l, at, end});
                    for (int i = at; i < end; i++) {
                        taken[i] = true;
                    }
                }
                at = folded.indexOf(key, end);
            }
        }
        found.sort(Comparator.comparingInt(f -> f[1]));
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
            Optional<Reading> reading = parse(label.kind(), value);
            if (reading.isPresent()) {
                Reading r = reading.get();
                fields.put(label.field(), line.field(label.field(), r.value(),
                        r.validation().confidence(line.confidence(start, end), r.repaired()), start, end));
            }
        }
    }

    static Optional<Reading> parse(Kind kind, String value) {
        return switch (kind) {
            case NAME -> PersonName.read(value).map(name -> {
                Optional<String> repaired = PersonName.repairFamilyName(name);
                String result = repaired.orElse(name);
                return new Reading(result, PersonName.hasKnownFamilyName(result) ? Validation.PLAUSIBLE
                        : Validation.UNCHECKED, repaired.isPresent());
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
                yield Optional.of(new Reading(repaired, Validation.UNCHECKED, !repaired.equals(value)));
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
