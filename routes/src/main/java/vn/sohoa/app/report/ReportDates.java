package vn.sohoa.app.report;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** Dates in reports as offices write them: 05/02/2023. */
final class ReportDates {

    private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private ReportDates() {
    }

    static String vietnamese(LocalDate date) {
        return date.format(DAY_MONTH_YEAR);
    }
}
