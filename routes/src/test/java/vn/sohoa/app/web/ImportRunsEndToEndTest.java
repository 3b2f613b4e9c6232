package vn.sohoa.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import vn.sohoa.app.PaperBatch;
import vn.sohoa.app.SharedCorpus;
import vn.sohoa.app.cli.ServeCommand;
import vn.sohoa.app.records.MachineServices;

/**
 * A backlog import started over HTTP from the archivist's page runs (in a child JVM with exactly the import's
 * options, not the service's own arguments), shows its progress until it is done, produces its documents, and
 * leaves the service's own logging as it was.
 */
@Tag("e2e")
class ImportRunsEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    private static final String DOSSIER = "H450-2026-0801";

    @TempDir
    Path home;

    @TempDir
    Path sheets;

    @Test
    void anImportStartedFromTheWebRunsShowsItsProgressAndTheServiceStillLogs() throws Exception {
        Path lot = Files.createDirectories(home.resolve("backlog/hop-2019/lo-01"));
        // a printed cover sheet, then a real two-page scan: one document of two pages
        Path printed = new PaperBatch().cover(DOSSIER).writeFolder(sheets);
        Files.copy(printed.resolve("page-1.png"), lot.resolve("01-bia.png"));
        Files.copy(SharedCorpus.file("real-scans/vietsample1.tif"), lot.resolve("02-trang.tif"));

        try (MachineServices services = new MachineServices()) {
            Map<String, Object> properties = new HashMap<>(services.properties());
            properties.put("sohoa.ocr-threads", 1);
            try (ConfigurableApplicationContext context = ServeCommand.start(home, properties)) {
                Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
                Level rootLevel = root.getLevel();
                ListAppender<ILoggingEvent> logged = new ListAppender<>();
                logged.start();
                root.addAppender(logged);
                try {
                    RestClient http = RestClient.builder()
                            .baseUrl("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port"))
                            .defaultHeaders(h -> h.setBasicAuth(MachineServices.ADMIN_USER, MachineServices.ADMIN_PASSWORD))
                            .build();
                    ResponseEntity<String> started = http.post().uri("/api/imports").contentType(MediaType.APPLICATION_JSON)
                            .body(Map.of("input", "hop-2019/lo-01")).retrieve().toEntity(String.class);
                    assertThat(started.getStatusCode().value()).as(started.getBody()).isEqualTo(202);
                    String id = JSON.readTree(started.getBody()).get("id").asText();

                    JsonNode run = null;
                    Instant deadline = Instant.now().plus(TIMEOUT);
                    while (run == null || Set.of("queued", "running").contains(run.get("state").asText())) {
                        assertThat(Instant.now()).as("the import did not end: " + run).isBefore(deadline);
                        Thread.sleep(500);
                        for (JsonNode listed : JSON.readTree(http.get().uri("/api/imports").retrieve().body(String.class))) {
                            if (listed.get("id").asText().equals(id)) {
                                run = listed;
                            }
                        }
                    }

                    assertThat(run.get("state").asText()).as(run + "\n" + messages(logged)).isEqualTo("finished");
                    assertThat(run.get("exitCode").asInt()).isZero();
                    assertThat(run.get("input").asText()).isEqualTo("hop-2019/lo-01");
                    assertThat(run.get("planned").asLong()).isEqualTo(1);
                    assertThat(run.get("done").asLong()).isEqualTo(1);
                    assertThat(run.get("failed").asLong()).isZero();
                    assertThat(run.get("pagesPlanned").asLong()).isEqualTo(2);
                    assertThat(run.get("pagesDone").asLong()).isEqualTo(2);

                    Path output = home.resolve("imports").resolve(id);
                    Path pdf = output.resolve(DOSSIER + "/1.pdf");
                    assertThat(pdf).isRegularFile();
                    try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
                        assertThat(document.getNumberOfPages()).isEqualTo(2);
                    }
                    assertThat(Files.readString(output.resolve("import-journal.jsonl")))
                            .contains("\"event\":\"done\"").contains(pdf.toString());
                    assertThat(Files.readString(output.resolve("import-report.txt"))).contains("1 tài liệu mới (2 trang)")
                            .contains("0 lỗi");

                    // the import's command-line quiet (warnings only) stayed in its own JVM
                    assertThat(root.getLevel()).isEqualTo(rootLevel);
                    List<ILoggingEvent> events = events(logged);
                    assertThat(events).anySatisfy(e -> {
                        assertThat(e.getLevel()).isEqualTo(Level.INFO);
                        assertThat(e.getLoggerName()).isEqualTo(ImportRuns.class.getName());
                        assertThat(e.getFormattedMessage()).contains("import run " + id).contains("ended with exit status 0");
                    });
                    assertThat(events).filteredOn(e -> e.getLoggerName().equals(ImportRuns.class.getName())
                            && e.getFormattedMessage().contains(" -> " + pdf)).hasSize(1);
                } finally {
                    root.detachAppender(logged);
                }
            }
        }
    }

    private static String messages(ListAppender<ILoggingEvent> logged) {
        StringBuilder text = new StringBuilder();
        for (ILoggingEvent event : events(logged)) {
            text.append(event.getLevel()).append(' ').append(event.getFormattedMessage()).append('\n');
        }
        return text.toString();
    }

    /** What was logged so far (the appender appends under its own lock). */
    private static List<ILoggingEvent> events(ListAppender<ILoggingEvent> logged) {
        synchronized (logged) {
            return List.copyOf(logged.list);
        }
    }
}
