package vn.sohoa.app.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The report as an Excel workbook (Apache POI): the office's sentence, then the table, rates as percentages. */
public final class ReportXlsx {

    private ReportXlsx() {
    }

    public static byte[] write(DigitizationReport report) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Số hóa");
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle percent = workbook.createCellStyle();
            percent.setDataFormat(workbook.createDataFormat().getFormat("0.00%"));
            sheet.createRow(0).createCell(0).setCellValue(report.text());
            sheet.getRow(0).getCell(0).setCellStyle(bold);
            String[] header = {"Nhóm", "Mã", "Tên", "Hồ sơ tiếp nhận", "Hồ sơ đã số hóa", "Tỷ lệ số hóa hồ sơ",
                    "Hồ sơ có kết quả", "Kết quả đã số hóa", "Tỷ lệ số hóa kết quả"};
            Row head = sheet.createRow(2);
            for (int i = 0; i < header.length; i++) {
                head.createCell(i).setCellValue(header[i]);
                head.getCell(i).setCellStyle(bold);
            }
            int r = 3;
            r = row(sheet, r, "Tổng cộng", report.total(), percent);
            for (DigitizationReport.Row row : report.byLevel()) {
                r = row(sheet, r, "Theo cấp", row, percent);
            }
            for (DigitizationReport.Row row : report.byProcedure()) {
                r = row(sheet, r, "Theo thủ tục", row, percent);
            }
            for (int i = 0; i < header.length; i++) {
                sheet.autoSizeColumn(i);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the XLSX report: " + e.getMessage(), e);
        }
    }

    private static int row(Sheet sheet, int index, String group, DigitizationReport.Row row, CellStyle percent) {
        Row line = sheet.createRow(index);
        line.createCell(0).setCellValue(group);
        line.createCell(1).setCellValue(row.code() == null ? "" : row.code());
        line.createCell(2).setCellValue(row.name());
        line.createCell(3).setCellValue(row.received());
        line.createCell(4).setCellValue(row.digitized());
        rate(line, 5, row.rate(), percent);
        line.createCell(6).setCellValue(row.resolved());
        line.createCell(7).setCellValue(row.resultsDigitized());
        rate(line, 8, row.resultRate(), percent);
        return index + 1;
    }

    private static void rate(Row line, int column, BigDecimal rate, CellStyle percent) {
        if (rate != null) {
            line.createCell(column).setCellValue(rate.movePointLeft(2).doubleValue());
            line.getCell(column).setCellStyle(percent);
        }
    }
}
