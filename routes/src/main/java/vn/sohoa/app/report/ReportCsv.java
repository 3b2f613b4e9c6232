package vn.sohoa.app.report;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The report as CSV, UTF-8 with a byte-order mark so that Excel shows the Vietnamese letters, counts as
 * plain integers and rates written the Vietnamese way ("91,65%", quoted).
 */
public final class ReportCsv {

    private static final List<String> HEADER = List.of("Nhóm", "Mã", "Tên", "Hồ sơ tiếp nhận", "Hồ sơ đã số hóa",
            "Tỷ lệ số hóa hồ sơ", "Hồ sơ có kết quả", "Kết quả đã số hóa", "Tỷ lệ số hóa kết quả");

    private ReportCsv() {
    }

    public static byte[] write(DigitizationReport report) {
        StringBuilder csv = new StringBuilder("\uFEFF");
        line(csv, HEADER);
        row(csv, "Tổng cộng", report.total());
        report.byLevel().forEach(r -> row(csv, "Theo cấp", r));
        report.byProcedure().forEach(r -> row(csv, "Theo thủ tục", r));
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void row(StringBuilder csv, String group, DigitizationReport.Row row) {
        line(csv, List.of(group, row.code() == null ? "" : row.code(), row.name(), Long.toString(row.received()),
                Long.toString(row.digitized()), VietnameseNumbers.percent(row.digitized(), row.received()),
                Long.toString(row.resolved()), Long.toString(row.resultsDigitized()),
                VietnameseNumbers.percent(row.resultsDigitized(), row.resolved())));
    }

    private static void line(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(quote(cells.get(i)));
        }
        csv.append("\r\n");
    }

    /**
     * A cell as CSV; one beginning with '=', '+', '-', '@', a tab or a carriage return gets a leading single
     * quote, so that a spreadsheet shows an agency or procedure name like "=HYPERLINK(...)" as text and never
     * runs it as a formula (OWASP CSV injection).
     */
    static String quote(String value) {
        String cell = neutralized(value);
        boolean needs = cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r");
        return needs ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }

    static String neutralized(String cell) {
        return !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }
}
