package vn.sohoa.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import vn.sohoa.app.SharedCorpus;
import vn.sohoa.app.cli.ServeCommand;
import vn.sohoa.app.publish.ResultSchema;
import vn.sohoa.app.records.DocumentRole;
import vn.sohoa.app.records.MachineServices;
import vn.sohoa.app.records.RecordStore;
import vn.sohoa.app.records.Registry;
import vn.sohoa.app.records.SyntheticDocuments;
import vn.sohoa.pipeline.Scan;

/**
 * The HTTP API on the machine's PostgreSQL and RabbitMQ: a scan uploaded to a dossier is digitized,
 * shown with its fields and file links, downloadable byte for byte, found by an unaccented search, and
 * announced once with a message that conforms to docs/results-message.schema.json.
 */
@Tag("e2e")
class RecordsApiEndToEndTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    @Test
    void uploadShowDownloadSearchAndAnnounce() throws Exception {
        try (MachineServices services = new MachineServices();
             ConfigurableApplicationContext context = ServeCommand.start(home, services.properties())) {
            RestClient http = RestClient.builder()
                    .baseUrl("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port"))
                    .defaultHeaders(h -> h.setBasicAuth(MachineServices.ADMIN_USER, MachineServices.ADMIN_PASSWORD)).build();
            RabbitTemplate rabbit = context.getBean(RabbitTemplate.class);
            Registry registry = context.getBean(Registry.class);
            registry.agency(new Registry.Agency("T44", "Tỉnh Quảng Bình", Registry.Level.province, null));
            registry.agency(new Registry.Agency("H450", "UBND huyện Tuyên Hóa", Registry.Level.district, "T44"));
            registry.procedure(new Registry.Procedure("1.004227", "Đăng ký đất đai lần đầu", Registry.Level.district,
                    List.of(new Registry.Component("don_dang_ky", "Đơn đăng ký", true))));
            http.put().uri("/api/dossiers/{code}", "H450-2026-0001").contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("agencyCode", "H450", "procedureCode", "1.004227", "receivedOn", "2026-03-02"))
                    .retrieve().toBodilessEntity();

            // an upload goes the inbox's way: original stored, digitized, recorded, announced
            Path scan = SharedCorpus.file("real-scans/vietsample2.png");
            MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
            form.add("file", new FileSystemResource(scan));
            form.add("component", "don_dang_ky");
            JsonNode uploaded = JSON.readTree(http.post().uri("/api/dossiers/{code}/files", "H450-2026-0001")
                    .contentType(MediaType.MULTIPART_FORM_DATA).body(form).retrieve().body(String.class));
            assertThat(uploaded).hasSize(1);
            assertThat(uploaded.get(0).get("duplicate").asBoolean()).isFalse();
            String documentId = uploaded.get(0).get("documentId").asText();

            JsonNode dossier = JSON.readTree(http.get().uri("/api/dossiers/{code}", "H450-2026-0001").retrieve().body(String.class));
            assertThat(dossier.get("agency").get("name").asText()).isEqualTo("UBND huyện Tuyên Hóa");
            assertThat(dossier.get("procedure").get("code").asText()).isEqualTo("1.004227");
            assertThat(dossier.get("receivedOn").asText()).isEqualTo("2026-03-02");
            JsonNode document = dossier.get("documents").get(0);
            assertThat(document.get("id").asText()).isEqualTo(documentId);
            assertThat(document.get("componentCode").asText()).isEqualTo("don_dang_ky");
            Map<String, JsonNode> files = new HashMap<>();
            document.get("files").forEach(f -> files.put(f.get("kind").asText(), f));
            assertThat(files).containsOnlyKeys("original", "pdf");
            byte[] original = http.get().uri(files.get("original").get("href").asText()).retrieve().body(byte[].class);
            assertThat(Scan.sha256(original)).isEqualTo(Scan.sha256(scan));
            byte[] pdf = http.get().uri(files.get("pdf").get("href").asText()).retrieve().body(byte[].class);
            assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
            assertThat(Scan.sha256(pdf)).isEqualTo(files.get("pdf").get("sha256").asText());
            int missing = http.get().uri("/api/dossiers/{code}", "KHONG-CO")
                    .exchange((req, res) -> res.getStatusCode().value());
            assertThat(missing).isEqualTo(404);

            // search the way people type: no accents, any case
            RecordStore records = context.getBean(RecordStore.class);
            SyntheticDocuments synthetic = new SyntheticDocuments(Files.createDirectories(home.resolve("synthetic")));
            records.record("H450-2026-0002", synthetic.document("don_de_nghi", Map.of("ho_ten", "Nguyễn Thị Hồng"),
                    "Kính gửi: UBND huyện Tuyên Hóa. Đơn đề nghị cấp giấy chứng nhận quyền sử dụng đất",
                    "Hồ sơ đất đai của hộ gia đình bà Nguyễn Thị Hồng"), "/tmp/x", DocumentRole.SUBMITTED, null, "test");
            records.record("H450-2026-0003", synthetic.document("cong_van", Map.of(), "Công văn về việc tổ chức lễ khai giảng"),
                    "/tmp/y", DocumentRole.SUBMITTED, null, "test");
            JsonNode found = JSON.readTree(http.get().uri("/api/search?q={q}", "HO SO dat dai").retrieve().body(String.class));
            assertThat(found.get("hits")).isNotEmpty();
            JsonNode best = found.get("hits").get(0);
            assertThat(best.get("dossierCode").asText()).isEqualTo("H450-2026-0002");
            assertThat(best.get("page").asInt()).isEqualTo(2);
            assertThat(best.get("snippet").asText()).contains("<mark>Hồ</mark> <mark>sơ</mark> <mark>đất</mark> <mark>đai</mark>");
            found.get("hits").forEach(h -> assertThat(h.get("dossierCode").asText()).isNotEqualTo("H450-2026-0003"));
            JsonNode byField = JSON.readTree(http.get().uri("/api/search?q={q}", "nguyen thi hong").retrieve().body(String.class));
            assertThat(byField.get("hits")).anySatisfy(h -> assertThat(h.get("page").isNull()).isTrue());

            // three documents recorded, three messages, each conforming to the schema, none twice
            Map<String, JsonNode> messages = new HashMap<>();
            await("three results messages", () -> {
                Message m = rabbit.receive(services.queue, 1000);
                if (m != null) {
                    JsonNode body = readTree(m.getBody());
                    assertThat(messages.put(m.getMessageProperties().getMessageId(), body)).as("announced twice").isNull();
                }
                return messages.size() == 3;
            });
            messages.values().forEach(m -> assertThat(ResultSchema.violations(m)).as(m.toString()).isEmpty());
            assertThat(messages.values()).anySatisfy(m -> assertThat(m.get("documentId").asText()).isEqualTo(documentId));
            assertThat(rabbit.receive(services.queue, 1000)).isNull();

            // the audit trail says who did what
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForList("select action from audit_event where document_id = ?::uuid order by id",
                    String.class, documentId)).containsExactly("document.recorded", "file.uploaded");
            assertThat(jdbc.queryForList("select actor from audit_event where action = 'file.uploaded'", String.class))
                    .containsExactly(MachineServices.ADMIN_USER);

            String apiDocs = http.get().uri("/v3/api-docs").retrieve().body(String.class);
            assertThat(apiDocs).contains("/api/search", "/api/dossiers/{code}", "/api/files/{id}");
            AmqpAdmin admin = context.getBean(AmqpAdmin.class);
            admin.deleteQueue(services.queue);
            admin.deleteQueue(services.deadLetterQueue);
        }
    }

    private static JsonNode readTree(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(100);
        }
    }
}
