package vn.sohoa.pipeline.extract;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.sohoa.pipeline.ocr.OcrLine;
import vn.sohoa.pipeline.ocr.OcrPage;

/**
 * Fields of the header of an administrative document (Nghị định 30/2020, appendix I): the số ký hiệu
 * ("Số: 1437/QĐ-UBND") and the issue place and date ("Tuyên Hóa, ngày 05 tháng 02 năm 2023").
 */
public final class HeaderFieldExtractor {

    private static final Pattern NUMBER = Pattern.compile(
            "S[ốô6o]\\s*[:;.]?\\s*([0-9OoIl]{1,6}(?:/[0-9]{4})?/[\\p{L}\\d]+(?:-[\\p{L}\\d]+)*)");
    private static final Pattern DATE = Pattern.compile(
            "(?:([\\p{L} .]+?),\\s*)?ng[àa]y\\s+(\\d{1,2})\\s+th[áa]ng\\s+(\\d{1,2})\\s+n[ăa]m\\s+(\\d{4})");
    private static final int HEADER_LINES = 20;

    public Map<String, Field> extract(List<OcrPage> pages) {
        Map<String, Field> fields = new LinkedHashMap<>();
        if (pages.isEmpty()) {
            return fields;
        }
        OcrPage first = pages.get(0);
        List<OcrLine> lines = first.lines();
        for (int i = 0; i < Math.min(HEADER_LINES, lines.size()); i++) {
            OcrLine line = lines.get(i);
            String text = line.text();
            double ocr = line.words().stream().mapToDouble(w -> w.confidence() / 100.0).average().orElse(0);
            Matcher number = NUMBER.matcher(text);
            if (!fields.containsKey("so_ky_hieu") && number.find()) {
                String value = repairDigits(number.group(1));
                fields.put("so_ky_hieu", new Field("so_ky_hieu", value, ocr, first.number()));
            }
            Matcher date = DATE.matcher(text);
            if (!fields.containsKey("ngay_ban_hanh") && date.find()) {
                try {
                    LocalDate issued = LocalDate.of(Integer.parseInt(date.group(4)), Integer.parseInt(date.group(3)),
                            Integer.parseInt(date.group(2)));
                    fields.put("ngay_ban_hanh", new Field("ngay_ban_hanh", issued.toString(), ocr, first.number()));
                    if (date.group(1) != null && !date.group(1).isBlank()) {
                        fields.put("noi_ban_hanh", new Field("noi_ban_hanh", date.group(1).strip(), ocr, first.number()));
                    }
                } catch (DateTimeException e) {
                    // not a real calendar date: leave the field for a person
                }
            }
        }
        return fields;
    }

    /** The number part of "Số: 1O/QĐ-UBND" read with letters for digits. */
    private static String repairDigits(String value) {
        int slash = value.indexOf('/');
        String number = value.substring(0, slash).replace('O', '0').replace('o', '0').replace('I', '1').replace('l', '1');
        return number + value.substring(slash);
    }
}
