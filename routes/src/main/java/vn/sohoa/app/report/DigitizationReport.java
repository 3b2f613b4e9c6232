package vn.sohoa.app.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The digitization rate for a period and an agency with the agencies under it: dossiers received, those
 * with every required component digitized, results digitized, in total, per procedure and per level.
 */
public record DigitizationReport(LocalDate from, LocalDate to, String agencyCode, String agencyName, Row total,
                                 List<Row> byProcedure, List<Row> byLevel) {

    /**
     * One line: {@code received} dossiers, {@code digitized} with all their required components digitized,
     * {@code resolved} with a result issued, {@code resultsDigitized} with their result digitized.
     */
    public record Row(String code, String name, long received, long digitized, long resolved, long resultsDigitized) {

        @JsonProperty
        public BigDecimal rate() {
            return VietnameseNumbers.rate(digitized, received);
        }

        @JsonProperty
        public BigDecimal resultRate() {
            return VietnameseNumbers.rate(resultsDigitized, resolved);
        }

        /** "số hóa 845/922 hồ sơ, đạt 91,65%". */
        @JsonProperty
        public String text() {
            return "số hóa " + VietnameseNumbers.count(digitized) + "/" + VietnameseNumbers.count(received)
                    + " hồ sơ, đạt " + VietnameseNumbers.percent(digitized, received)
                    + "; số hóa " + VietnameseNumbers.count(resultsDigitized) + "/" + VietnameseNumbers.count(resolved)
                    + " kết quả, đạt " + VietnameseNumbers.percent(resultsDigitized, resolved);
        }
    }

    /** The office's sentence: "UBND huyện Tuyên Hóa thực hiện số hóa 845/922 hồ sơ, đạt 91,65%; ...". */
    public String text() {
        return (agencyName == null ? "Toàn bộ cơ quan" : agencyName) + " thực hiện " + total.text()
                + " (từ ngày " + ReportDates.vietnamese(from) + " đến ngày " + ReportDates.vietnamese(to) + ")";
    }
}
