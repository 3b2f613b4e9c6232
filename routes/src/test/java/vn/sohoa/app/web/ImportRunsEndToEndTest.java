package vn.sohoa.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import vn.sohoa.app.PaperBatch;
import vn.sohoa.app.ServiceFixtures;
import vn.sohoa.app.SharedCorpus;
import vn.sohoa.app.TestKeystore;
import vn.sohoa.app.cli.ServeCommand;
import vn.sohoa.app.records.MachineServices;

/**
 * A backlog import started over HTTP from the archivist's page runs (in a child JVM with exactly the import's
 * options, not the service's own arguments), shows its progress until it is done, produces its documents, and
 * leaves the service's own logging as it was; a service that signs has the import's PDFs signed alike, the
 * password given to the child only in its environment.
 */
@Tag("e2e")
class ImportRunsEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    private static final String DOSSIER = "H450-2026-0801";
    private static final String SIGN_PASSWORD = "mat-khau-van-thu-8Qz";

    @TempDir
    Path home;

    @TempDir
    Path sheets;

    @Test
    void anImportStartedFromTheWebRunsShowsItsProgressAndTheServiceStillLogs() throws Exception {
        backlogLot("hop-2019/lo-01");

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
                    RestClient http = http(context);
                    String id = start(http, "hop-2019/lo-01");
                    JsonNode run = awaitEnd(http, id, () -> { });

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

    @Test
    void anImportStartedFromTheWebSignsItsPdfsAsTheServiceDoesWithoutShowingThePassword() throws Exception {
        backlogLot("hop-2020/lo-02");
        // two keys: the alias must reach the child for the archivist's key to be the one that signs
        TestKeystore keystore = TestKeystore.write(sheets.resolve("van-thu.p12"), SIGN_PASSWORD, Map.of(
                "khac", "CN=Lê Văn Khác, O=UBND huyện Tuyên Hóa, C=VN",
                "vanthu", "CN=Nguyễn Thị Văn Thư, O=UBND huyện Tuyên Hóa, C=VN"));

        try (MachineServices services = new MachineServices()) {
            Map<String, Object> properties = new HashMap<>(services.properties());
            properties.put("sohoa.ocr-threads", 1);
            properties.put("sohoa.signing.keystore", keystore.file().toString());
            properties.put("sohoa.signing.password", SIGN_PASSWORD);
            properties.put("sohoa.signing.alias", "vanthu");
            properties.put("sohoa.signing.reason", "Sao y bản chính");
            properties.put("sohoa.signing.location", "Tuyên Hóa, Quảng Bình");
            properties.put("sohoa.signing.visible-page", 2);
            try (ConfigurableApplicationContext context = ServeCommand.start(home, properties)) {
                RestClient http = http(context);
                String id = start(http, "hop-2020/lo-02");
                Map<Long, Child> children = new HashMap<>();
                JsonNode run = awaitEnd(http, id, () -> importChildren().forEach(children::putIfAbsent));

                assertThat(run.get("state").asText()).as(run.toString()).isEqualTo("finished");
                assertThat(children).as("the import's child process, seen while it ran").isNotEmpty();
                assertThat(children.values()).allSatisfy(child -> {
                    assertThat(child.commandLine()).noneMatch(argument -> argument.contains(SIGN_PASSWORD))
                            .contains("--sign-keystore", keystore.file().toAbsolutePath().toString())
                            .contains("--sign-alias", "vanthu").contains("--sign-visible=2");
                    assertThat(child.environment()).contains("SOHOA_SIGN_PASSWORD=" + SIGN_PASSWORD);
                });

                Path pdf = home.resolve("imports").resolve(id).resolve(DOSSIER + "/1.pdf");
                byte[] bytes = Files.readAllBytes(pdf);
                try (PDDocument document = Loader.loadPDF(bytes)) {
                    List<PDSignature> signatures = document.getSignatureDictionaries();
                    assertThat(signatures).as("signatures of " + pdf).hasSize(1);
                    PDSignature signature = signatures.get(0);
                    assertThat(signature.getReason()).isEqualTo("Sao y bản chính");
                    assertThat(signature.getLocation()).isEqualTo("Tuyên Hóa, Quảng Bình");
                    int[] range = signature.getByteRange();
                    assertThat((long) range[2] + range[3]).as("the signature covers the whole file").isEqualTo(bytes.length);
                    CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signature.getSignedContent(bytes)),
                            signature.getContents(bytes));
                    SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
                    assertThat(signer.verify(new JcaSimpleSignerInfoVerifierBuilder()
                            .build(keystore.certificates().get("vanthu")))).as("signed by the archivist's key").isTrue();
                    PDAnnotationWidget widget = document.getSignatureFields().get(0).getWidgets().get(0);
                    assertThat(widget.getPage().getCOSObject()).as("the visible box on page 2")
                            .isSameAs(document.getPage(1).getCOSObject());
                }
                assertThat(pdfsig(pdf)).contains("Signature is Valid.").contains("Nguyễn Thị Văn Thư");
            }
        }
    }

    /** A lot under SOHOA_HOME/backlog: a printed cover sheet, then a real two-page scan; one document of two pages. */
    private void backlogLot(String name) throws Exception {
        Path lot = Files.createDirectories(home.resolve("backlog").resolve(name));
        Path printed = new PaperBatch().cover(DOSSIER).writeFolder(sheets);
        Files.copy(printed.resolve("page-1.png"), lot.resolve("01-bia.png"));
        Files.copy(SharedCorpus.file("real-scans/vietsample1.tif"), lot.resolve("02-trang.tif"));
    }

    private static RestClient http(ConfigurableApplicationContext context) {
        return RestClient.builder().baseUrl(ServiceFixtures.baseUrl(context))
                .defaultHeaders(h -> h.setBasicAuth(MachineServices.ADMIN_USER, MachineServices.ADMIN_PASSWORD))
                .build();
    }

    /** Starts an import of {@code input} as the archivist's page does; the run's id. */
    private static String start(RestClient http, String input) throws Exception {
        ResponseEntity<String> started = http.post().uri("/api/imports").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("input", input)).retrieve().toEntity(String.class);
        assertThat(started.getStatusCode().value()).as(started.getBody()).isEqualTo(202);
        return JSON.readTree(started.getBody()).get("id").asText();
    }

    /** The run as the page lists it once it has ended, {@code whileRunning} called every tenth of a second till then. */
    private static JsonNode awaitEnd(RestClient http, String id, Runnable whileRunning) throws Exception {
        JsonNode run = null;
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (run == null || Set.of("queued", "running").contains(run.get("state").asText())) {
            assertThat(Instant.now()).as("the import did not end: " + run).isBefore(deadline);
            whileRunning.run();
            Thread.sleep(100);
            for (JsonNode listed : JSON.readTree(http.get().uri("/api/imports").retrieve().body(String.class))) {
                if (listed.get("id").asText().equals(id)) {
                    run = listed;
                }
            }
        }
        return run;
    }

    /** A child process of this JVM as any user of the machine sees it ({@code ps}), and its environment. */
    private record Child(List<String> commandLine, List<String> environment) {
    }

    /** The digitizing children of import runs alive now by their pids, read from /proc as {@code ps} reads them. */
    private static Map<Long, Child> importChildren() {
        Map<Long, Child> children = new HashMap<>();
        ProcessHandle.current().children().forEach(process -> {
            try {
                Path proc = Path.of("/proc", Long.toString(process.pid()));
                List<String> commandLine = nulSeparated(Files.readAllBytes(proc.resolve("cmdline")));
                if (commandLine.contains("import") && commandLine.stream().anyMatch(a -> a.startsWith("--worker-of-run"))) {
                    List<String> environment = nulSeparated(Files.readAllBytes(proc.resolve("environ")));
                    children.put(process.pid(), new Child(commandLine, environment));
                }
            } catch (IOException gone) {
                // it ended between being listed and being read
            }
        });
        return children;
    }

    private static List<String> nulSeparated(byte[] bytes) {
        return List.of(new String(bytes, StandardCharsets.UTF_8).split("\0"));
    }

    private static String pdfsig(Path pdf) throws Exception {
        Process process = new ProcessBuilder("pdfsig", "-nocert", pdf.toString()).redirectErrorStream(true).start();
        String report = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("pdfsig finished").isTrue();
        return report;
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
