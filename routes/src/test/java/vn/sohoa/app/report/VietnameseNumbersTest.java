package vn.sohoa.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class VietnameseNumbersTest {

    @Test
    void countsUseDotsForThousands() {
        assertThat(VietnameseNumbers.count(922)).isEqualTo("922");
        assertThat(VietnameseNumbers.count(5219)).isEqualTo("5.219");
        assertThat(VietnameseNumbers.count(1234567)).isEqualTo("1.234.567");
    }

    @Test
    void ratesUseACommaAndTwoDecimalsRoundedHalfUp() {
        assertThat(VietnameseNumbers.percent(845, 922)).isEqualTo("91,65%");
        assertThat(VietnameseNumbers.percent(5219, 5885)).isEqualTo("88,68%");
        assertThat(VietnameseNumbers.percent(1, 8)).isEqualTo("12,50%");
        assertThat(VietnameseNumbers.percent(10000, 10000)).isEqualTo("100,00%");
        assertThat(VietnameseNumbers.percent(0, 0)).isEqualTo("—");
    }

    @Test
    void theReportReadsAsTheOfficeWritesIt() {
        DigitizationReport.Row total = new DigitizationReport.Row(null, "Tổng cộng", 5885, 5219, 100, 97);
        DigitizationReport report = new DigitizationReport(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31), "H450",
                "UBND huyện Tuyên Hóa", total, List.of(), List.of());
        assertThat(report.text()).isEqualTo("UBND huyện Tuyên Hóa thực hiện số hóa 5.219/5.885 hồ sơ, đạt 88,68%;"
                + " số hóa 97/100 kết quả, đạt 97,00% (từ ngày 01/01/2026 đến ngày 31/03/2026)");
    }

    @Test
    void csvIsUtf8WithABomAndQuotesTheRates() {
        DigitizationReport.Row total = new DigitizationReport.Row(null, "Tổng cộng", 922, 845, 0, 0);
        DigitizationReport.Row procedure = new DigitizationReport.Row("1.004227", "Đăng ký đất đai, lần đầu", 922, 845, 0, 0);
        String csv = new String(ReportCsv.write(new DigitizationReport(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31),
                null, null, total, List.of(procedure), List.of())), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFNhóm,Mã,Tên,");
        assertThat(csv).contains("Tổng cộng,,Tổng cộng,922,845,\"91,65%\",0,0,—\r\n");
        assertThat(csv).contains("Theo thủ tục,1.004227,\"Đăng ký đất đai, lần đầu\",922,845,\"91,65%\"");
    }
}
