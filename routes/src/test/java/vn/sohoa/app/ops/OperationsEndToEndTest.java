package vn.sohoa.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.sohoa.app.FolderContents;
import vn.sohoa.app.SharedCorpus;
import vn.sohoa.app.cli.ServeCommand;
import vn.sohoa.app.records.MachineServices;

/**
 * What an administrator watches: readiness reflects PostgreSQL, the broker and the OCR models; the Prometheus
 * endpoint counts pages, documents and rejections by reason and shows the work queues; and stopping the
 * service while a page is being read lets that page finish, the file being done (stored and queued) and
 * never quarantined.
 */
@Tag("e2e")
class OperationsEndToEndTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path home;

    @Test
    void probesAndMetricsReportTheWorkAndStoppingMidPageLosesNothing() throws Exception {
        try (MachineServices services = new MachineServices()) {
            Map<String, Object> properties = services.properties();
            ConfigurableApplicationContext context = ServeCommand.start(home, properties);
            Path inFlight;
            int stoppedPage;
            try {
                String base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
                JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);

                HttpResponse<String> readiness = get(base + "/actuator/health/readiness");
                assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
                assertThat(readiness.body()).contains("\"status\":\"UP\"").contains("\"db\"").contains("\"rabbit\"")
                        .contains("\"ocr\"");
                HttpResponse<String> liveness = get(base + "/actuator/health/liveness");
                assertThat(liveness.statusCode()).as(liveness.body()).isEqualTo(200);
                // live is the process alone: a consumer not yet polling (camelHealth) must not get it restarted
                assertThat(liveness.body()).contains("livenessState").doesNotContain("camelHealth").doesNotContain("\"db\"");

                Path dossier = Files.createDirectories(home.resolve("inbox/HS-2026-000555"));
                Files.copy(SharedCorpus.file("real-scans/vietsample2.png"), dossier.resolve("giay-to.png"));
                Files.writeString(dossier.resolve("hong.pdf"), "%PDF-1.7 truncated", StandardCharsets.UTF_8);
                await("the document is recorded and the broken file quarantined", () ->
                        jdbc.queryForObject("select count(*) from document", Long.class) == 1
                                && jdbc.queryForObject("select count(*) from rejected_scan", Long.class) == 1);

                String metrics = get(base + "/actuator/prometheus").body();
                assertThat(metric(metrics, "sohoa_pages_digitized_total")).isEqualTo(1.0);
                assertThat(metric(metrics, "sohoa_pages_read_total")).isEqualTo(1.0);
                assertThat(metric(metrics, "sohoa_documents_recorded_total")).isEqualTo(1.0);
                assertThat(metric(metrics, "sohoa_scans_rejected_total{application=\"sohoa\",reason=\"BROKEN_PDF\"}"))
                        .isEqualTo(1.0);
                assertThat(metric(metrics, "sohoa_ocr_confidence_count")).isEqualTo(1.0);
                assertThat(metric(metrics, "sohoa_ocr_confidence_sum")).isBetween(1.0, 100.0);
                assertThat(metrics).contains("sohoa_outbox_pending").contains("sohoa_outbox_dead")
                        .contains("sohoa_inbox_waiting").contains("sohoa_intake_retrying")
                        .contains("sohoa_queue_depth{application=\"sohoa\",queue=\"" + services.queue + "\"}");
                for (String queue : services.workQueues()) {
                    assertThat(metric(metrics, "sohoa_queue_depth{application=\"sohoa\",queue=\"" + queue + "\"}"))
                            .as(queue + " is empty").isZero();
                }
                assertThat(metric(metrics, "sohoa_outbox_dead")).isZero();

                // a multi-page file; stop the service while one of its pages is being read
                inFlight = Files.createDirectories(home.resolve("inbox/HS-2026-000556")).resolve("hai-trang.pdf");
                Files.copy(SharedCorpus.file("real-scans/vietsample1.pdf"), inFlight);
                String reading = """
                        select p.number from work_page p join work_document d on d.id = p.work_document_id
                        where d.dossier_code = 'HS-2026-000556' and p.started_at is not null and p.read_at is null""";
                await("a page of the file is being read", () -> !jdbc.queryForList(reading, Integer.class).isEmpty());
                stoppedPage = jdbc.queryForList(reading, Integer.class).get(0);
                context.getBean(AmqpAdmin.class).deleteQueue(services.queue);
            } finally {
                context.close();
            }
            assertThat(Files.exists(inFlight)).as("the file left the inbox once stored and queued").isFalse();
            assertThat(FolderContents.paths(home.resolve("done"))).anySatisfy(p -> assertThat(p)
                    .startsWith("HS-2026-000556/").endsWith("-hai-trang.pdf"));
            assertThat(Files.exists(home.resolve("failed/HS-2026-000556"))).as("not quarantined").isFalse();
            if (services.externalDatabase) {
                assertThat(services.count("""
                        select count(*) from work_page p join work_document d on d.id = p.work_document_id
                        where d.dossier_code = 'HS-2026-000556' and p.read_at is not null and p.number = """ + stoppedPage))
                        .as("the page being read when the stop came was let finish").isEqualTo(1);
            }
        }
    }

    /** As the first administrator: metrics and health details are not for anonymous callers. */
    private HttpResponse<String> get(String url) throws Exception {
        String credentials = MachineServices.ADMIN_USER + ":" + MachineServices.ADMIN_PASSWORD;
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The value of a sample line of the Prometheus text format, by its name and labels as printed. */
    private static double metric(String exposition, String sample) {
        return exposition.lines().filter(l -> l.startsWith(sample + " ") || l.startsWith(sample + "{"))
                .filter(l -> !sample.contains("{") || l.startsWith(sample + " "))
                .map(l -> l.substring(l.lastIndexOf(' ') + 1)).mapToDouble(Double::parseDouble)
                .findFirst().orElseThrow(() -> new AssertionError(sample + " not in /actuator/prometheus"));
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(50);
        }
    }
}
