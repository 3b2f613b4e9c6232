package vn.sohoa.app.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.sohoa.app.cli.IdentifierConverter;
import vn.sohoa.app.cli.SohoaVersion;

/**
 * {@code sohoa report}: the digitization-rate report of a running service (GET /api/reports/digitization),
 * printed as the office's sentences, or saved as JSON, CSV or XLSX.
 */
@Command(name = "report", mixinStandardHelpOptions = true, versionProvider = SohoaVersion.class,
        description = {"Báo cáo tỷ lệ số hóa: \"số hóa 845/922 hồ sơ, đạt 91,65%\".",
                "Digitization-rate report of the running service, per level and procedure.",
                "Prints the sentences per level and procedure, or writes --format json|csv|xlsx to --output."})
public final class ReportCommand implements Callable<Integer> {

    public enum Format { text, json, csv, xlsx }

    @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD", description = "First day of the period.")
    LocalDate from;

    @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD", description = "Last day of the period.")
    LocalDate to;

    @Option(names = "--agency", paramLabel = "CODE", converter = IdentifierConverter.AgencyCode.class,
            description = "Agency code; the agencies under it are included.")
    String agency;

    @Option(names = "--format", defaultValue = "text", description = "text (default), json, csv or xlsx.")
    Format format;

    @Option(names = "--output", paramLabel = "FILE", description = "Write there instead of standard output (needed for xlsx).")
    Path output;

    @Option(names = "--url", paramLabel = "URL", description = "The service (default: http://127.0.0.1:$SOHOA_PORT or 8080).")
    String url;

    @Option(names = "--token", paramLabel = "TOKEN", description = "API token of an account (default: $SOHOA_TOKEN).")
    String token;

    PrintStream out = System.out;
    PrintStream err = System.err;

    @Override
    public Integer call() throws Exception {
        if (format == Format.xlsx && output == null) {
            err.println("an XLSX report needs --output FILE");
            return 2;
        }
        String path = switch (format) {
            case csv -> "/api/reports/digitization.csv";
            case xlsx -> "/api/reports/digitization.xlsx";
            default -> "/api/reports/digitization";
        };
        String query = "?from=" + from + "&to=" + to
                + (agency == null ? "" : "&agency=" + URLEncoder.encode(agency, StandardCharsets.UTF_8));
        HttpResponse<byte[]> response;
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            HttpRequest.Builder get = HttpRequest.newBuilder(URI.create(base() + path + query)).GET();
            String bearer = token != null ? token : System.getenv("SOHOA_TOKEN");
            if (bearer != null && !bearer.isBlank()) {
                get.header("Authorization", "Bearer " + bearer.strip());
            }
            response = client.send(get.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException e) {
            err.println("cannot reach the SoHoa service at " + base() + " (is `sohoa serve` running?): " + e.getMessage());
            return 1;
        }
        if (response.statusCode() != 200) {
            err.println("the service answered " + response.statusCode() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
            return 1;
        }
        byte[] body = format == Format.text ? sentences(response.body()).getBytes(StandardCharsets.UTF_8) : response.body();
        if (output != null) {
            Files.write(output, body);
        } else {
            out.write(body);
            out.flush();
        }
        return 0;
    }

    private String base() {
        if (url != null) {
            return url.replaceAll("/+$", "");
        }
        String port = System.getenv("SOHOA_PORT");
        return "http://127.0.0.1:" + (port == null || port.isBlank() ? "8080" : port);
    }

    /** The report's sentence, then one line per level and per procedure. */
    static String sentences(byte[] json) throws java.io.IOException {
        JsonNode view = new ObjectMapper().readTree(json);
        JsonNode report = view.get("report");
        StringBuilder text = new StringBuilder(view.get("text").asText()).append(System.lineSeparator());
        for (String group : new String[] {"byLevel", "byProcedure"}) {
            text.append(System.lineSeparator()).append(group.equals("byLevel") ? "Theo cấp:" : "Theo thủ tục:")
                    .append(System.lineSeparator());
            for (JsonNode row : report.get(group)) {
                text.append("  ").append(row.get("name").asText()).append(": ").append(row.get("text").asText())
                        .append(System.lineSeparator());
            }
        }
        return text.toString();
    }
}
