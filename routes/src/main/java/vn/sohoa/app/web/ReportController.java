package vn.sohoa.app.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.sohoa.app.records.AgencyScope;
import vn.sohoa.app.report.DigitizationReport;
import vn.sohoa.app.report.DigitizationReports;
import vn.sohoa.app.report.ReportCsv;
import vn.sohoa.app.report.ReportXlsx;

/** Digitization-rate reports ("số hóa 845/922 hồ sơ, đạt 91,65%") as JSON, CSV and XLSX. */
@RestController
@Tag(name = "Báo cáo", description = "Digitization-rate reports")
public class ReportController {

    private final DigitizationReports reports;
    private final AgencyScopes scopes;
    private final ScopeGuard guard;

    public ReportController(DigitizationReports reports, AgencyScopes scopes, ScopeGuard guard) {
        this.reports = reports;
        this.scopes = scopes;
        this.guard = guard;
    }

    public record ReportView(DigitizationReport report, String text) {
    }

    @GetMapping("/api/reports/digitization")
    @Operation(summary = "Dossiers received, with all required components digitized, results digitized, and the rates")
    public ReportView json(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                           @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                           @Parameter(description = "agency code; its children are included")
                           @RequestParam(required = false) String agency, HttpServletRequest request) {
        DigitizationReport report = report(from, to, agency, request);
        return new ReportView(report, report.text());
    }

    @GetMapping("/api/reports/digitization.csv")
    @Operation(summary = "The same report as CSV (UTF-8)")
    public ResponseEntity<byte[]> csv(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                      @RequestParam(required = false) String agency, HttpServletRequest request) {
        return download(ReportCsv.write(report(from, to, agency, request)), "text/csv;charset=UTF-8",
                fileName(from, to, agency, "csv"));
    }

    @GetMapping("/api/reports/digitization.xlsx")
    @Operation(summary = "The same report as an Excel workbook")
    public ResponseEntity<byte[]> xlsx(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                       @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                       @RequestParam(required = false) String agency, HttpServletRequest request) {
        return download(ReportXlsx.write(report(from, to, agency, request)),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", fileName(from, to, agency, "xlsx"));
    }

    private DigitizationReport report(LocalDate from, LocalDate to, String agency, HttpServletRequest request) {
        AgencyScope allowed = scopes.of(request);
        // the agency asked for must be the account's or one under it
        if (agency != null && !agency.isBlank()) {
            guard.requireAgency(agency, allowed);
        }
        AgencyScope asked = agency == null || agency.isBlank() ? allowed : AgencyScope.under(agency);
        return reports.report(from, to, asked);
    }

    private static String fileName(LocalDate from, LocalDate to, String agency, String extension) {
        return "so-hoa-" + (agency == null || agency.isBlank() ? "" : agency.replaceAll("[^A-Za-z0-9._-]", "_") + "-")
                + from + "-" + to + "." + extension;
    }

    private static ResponseEntity<byte[]> download(byte[] body, String mediaType, String name) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(mediaType))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(body);
    }
}
