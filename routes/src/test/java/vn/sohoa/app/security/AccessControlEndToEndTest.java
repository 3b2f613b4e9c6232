package vn.sohoa.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.sohoa.app.SharedCorpus;
import vn.sohoa.app.cli.ServeCommand;
import vn.sohoa.app.records.DocumentRole;
import vn.sohoa.app.records.MachineServices;
import vn.sohoa.app.records.RecordStore;
import vn.sohoa.app.records.Registry;
import vn.sohoa.app.records.SyntheticDocuments;

/**
 * Sign-in and agency scopes over real HTTP: two districts of one province, an officer in each, a reviewer at
 * the province, an API client with a token. Nothing of one district's dossiers (the dossier, its files, page
 * images, search hits, reports, changes) reaches the other district's officer; the province sees both.
 */
@Tag("e2e")
class AccessControlEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "mat-khau-8-ky-tu";

    @TempDir
    Path home;

    @Test
    void eachAgencySeesOnlyItsOwnAndThoseBelow() throws Exception {
        try (MachineServices services = new MachineServices();
             ConfigurableApplicationContext context = ServeCommand.start(home, services.properties())) {
            String base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
            ApiCaller admin = ApiCaller.basic(base, MachineServices.ADMIN_USER, MachineServices.ADMIN_PASSWORD);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);

            assertThat(admin.put("/api/agencies/T44", "{\"name\":\"Tỉnh Quảng Bình\",\"level\":\"province\"}").statusCode()).isEqualTo(200);
            assertThat(admin.put("/api/agencies/H450", "{\"name\":\"UBND huyện Tuyên Hóa\",\"level\":\"district\",\"parentCode\":\"T44\"}").statusCode()).isEqualTo(200);
            assertThat(admin.put("/api/agencies/H451", "{\"name\":\"UBND huyện Minh Hóa\",\"level\":\"district\",\"parentCode\":\"T44\"}").statusCode()).isEqualTo(200);
            account(admin, "tiepnhan450", "TIEP_NHAN", "H450");
            account(admin, "tiepnhan451", "TIEP_NHAN", "H451");
            account(admin, "kiemtra44", "KIEM_TRA", "T44");
            account(admin, "quantri451", "QUAN_TRI", "H451");
            assertThat(admin.post("/api/accounts", "{\"username\":\"motcua450\",\"role\":\"API\",\"agencyCode\":\"H450\"}").statusCode()).isEqualTo(201);
            String token = JSON.readTree(admin.post("/api/accounts/motcua450/tokens", "{\"name\":\"một cửa\"}").body()).get("token").asText();

            ApiCaller officer450 = ApiCaller.basic(base, "tiepnhan450", PASSWORD);
            ApiCaller officer451 = ApiCaller.basic(base, "tiepnhan451", PASSWORD);
            ApiCaller reviewer44 = ApiCaller.basic(base, "kiemtra44", PASSWORD);
            ApiCaller admin451 = ApiCaller.basic(base, "quantri451", PASSWORD);
            ApiCaller system450 = ApiCaller.bearer(base, token);

            // nobody unsigned, no wrong password, no made-up token
            assertThat(ApiCaller.anonymous(base).get("/api/search?q=ho").statusCode()).isEqualTo(401);
            assertThat(ApiCaller.basic(base, "tiepnhan450", "sai-mat-khau").get("/api/me").statusCode()).isEqualTo(401);
            assertThat(ApiCaller.bearer(base, token + "x").get("/api/me").statusCode()).isEqualTo(401);
            assertThat(ApiCaller.anonymous(base).get("/actuator/health").statusCode()).isEqualTo(200);

            // a reception officer of H450 uploads a real scan to a new dossier: it becomes H450's
            HttpResponse<String> uploaded = officer450.upload("/api/dossiers/H450-2026-0100/files",
                    SharedCorpus.file("real-scans/vietsample2.png"));
            assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
            String documentId = JSON.readTree(uploaded.body()).get(0).get("documentId").asText();
            JsonNode dossier = JSON.readTree(officer450.get("/api/dossiers/H450-2026-0100").body());
            assertThat(dossier.get("agency").get("code").asText()).isEqualTo("H450");
            List<String> files = dossier.get("documents").get(0).get("files").findValuesAsText("href");
            assertThat(files).hasSize(2);
            for (String file : files) {
                assertThat(officer450.get(file).statusCode()).isEqualTo(200);
            }
            String pagePng = "/api/documents/" + documentId + "/pages/1.png";
            assertThat(officer450.get(pagePng).statusCode()).isEqualTo(200);
            assertThat(jdbc.queryForList("select actor from audit_event where action = 'file.uploaded'", String.class))
                    .containsExactly("tiepnhan450");

            // searchable text in both districts
            RecordStore records = context.getBean(RecordStore.class);
            Registry registry = context.getBean(Registry.class);
            SyntheticDocuments synthetic = new SyntheticDocuments(Files.createDirectories(home.resolve("synthetic")));
            registry.dossier(new Registry.DossierFacts("H450-2026-0101", "H450", null, null, null, null), "test");
            registry.dossier(new Registry.DossierFacts("H451-2026-0001", "H451", null, null, null, null), "test");
            records.record("H450-2026-0101", synthetic.document("don_de_nghi", Map.of(), "Hồ sơ đất đai Tuyên Hóa"),
                    "/tmp/a", DocumentRole.SUBMITTED, null, "test");
            records.record("H451-2026-0001", synthetic.document("don_de_nghi", Map.of(), "Hồ sơ đất đai Minh Hóa"),
                    "/tmp/b", DocumentRole.SUBMITTED, null, "test");

            // the other district's officer: nothing of H450 is visible or changeable
            assertThat(officer451.get("/api/dossiers/H450-2026-0100").statusCode()).isEqualTo(404);
            for (String file : files) {
                assertThat(officer451.get(file).statusCode()).isEqualTo(404);
            }
            assertThat(officer451.get(pagePng).statusCode()).isEqualTo(404);
            assertThat(dossierCodes(officer451, "ho so dat dai")).containsExactly("H451-2026-0001");
            assertThat(dossierCodes(officer450, "ho so dat dai")).contains("H450-2026-0101").doesNotContain("H451-2026-0001");
            assertThat(dossierCodes(reviewer44, "ho so dat dai")).contains("H450-2026-0101", "H451-2026-0001");
            assertThat(officer451.upload("/api/dossiers/H450-2026-0100/files",
                    SharedCorpus.file("real-scans/vietsample2.png")).statusCode()).isEqualTo(404);
            assertThat(officer451.put("/api/dossiers/H450-2026-0100", "{\"status\":\"cancelled\"}").statusCode()).isEqualTo(404);
            assertThat(officer451.put("/api/dossiers/H451-2026-0999", "{\"agencyCode\":\"H450\"}").statusCode()).isEqualTo(404);
            assertThat(officer451.put("/api/documents/" + documentId + "/role", "{\"role\":\"result\"}").statusCode()).isEqualTo(404);
            assertThat(officer451.get("/api/reports/digitization?from=2026-01-01&to=2026-12-31&agency=H450").statusCode()).isEqualTo(404);
            assertThat(officer451.get("/api/dossiers/H450-2026-0100/events").statusCode()).isEqualTo(404);
            assertThat(jdbc.queryForObject("select status from dossier where code = 'H450-2026-0100'", String.class)).isEqualTo("received");
            // roles: an officer neither reviews nor creates accounts; an agency administrator only below itself
            assertThat(officer450.post("/api/review/documents/" + documentId, "{}").statusCode()).isEqualTo(403);
            assertThat(officer450.post("/api/accounts", "{\"username\":\"x1\",\"password\":\"12345678\",\"role\":\"QUAN_TRI\",\"agencyCode\":\"H450\"}").statusCode()).isEqualTo(403);
            assertThat(admin451.post("/api/accounts", "{\"username\":\"x2\",\"password\":\"12345678\",\"role\":\"TIEP_NHAN\",\"agencyCode\":\"H450\"}").statusCode()).isEqualTo(404);
            assertThat(admin451.post("/api/accounts", "{\"username\":\"x3\",\"password\":\"12345678\",\"role\":\"QUAN_TRI\"}").statusCode()).isEqualTo(400);
            assertThat(admin451.post("/api/accounts/motcua450/tokens", "{}").statusCode()).isEqualTo(404);
            assertThat(admin451.post("/api/accounts", "{\"username\":\"x4\",\"password\":\"12345678\",\"role\":\"TIEP_NHAN\",\"agencyCode\":\"H451\"}").statusCode()).isEqualTo(201);

            // the dossier system's token of H450 reads H450, not H451
            assertThat(system450.get("/api/dossiers/H450-2026-0100").statusCode()).isEqualTo(200);
            assertThat(system450.get("/api/dossiers/H451-2026-0001").statusCode()).isEqualTo(404);
            assertThat(system450.put("/api/dossiers/H450-2026-0100", "{\"status\":\"processing\"}").statusCode()).isEqualTo(200);

            // the province's reviewer sees H450's document in the queue and corrects a field
            jdbc.update("update document set review_state = 'needs_review' where id = ?::uuid", documentId);
            JsonNode queue = JSON.readTree(reviewer44.get("/api/review/queue").body());
            assertThat(queue.findValuesAsText("documentId")).contains(documentId);
            HttpResponse<String> decided = reviewer44.post("/api/review/documents/" + documentId,
                    "{\"fields\":{\"so_ky_hieu\":\"05/QĐ-UBND\"}}");
            assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
            assertThat(JSON.readTree(decided.body()).get("reviewState").asText()).isEqualTo("corrected");
            assertThat(jdbc.queryForObject("select fields->'so_ky_hieu'->>'value' from document where id = ?::uuid",
                    String.class, documentId)).isEqualTo("05/QĐ-UBND");
            assertThat(jdbc.queryForList("select actor || ' ' || field || ' ' || new_value from field_correction", String.class))
                    .containsExactly("kiemtra44 so_ky_hieu 05/QĐ-UBND");
            assertThat(jdbc.queryForList("select actor from audit_event where action = 'document.corrected'", String.class))
                    .containsExactly("kiemtra44");

            // secrets at rest: BCrypt hashes and the token's SHA-256 only
            assertThat(jdbc.queryForList("select password_hash from account where password_hash is not null", String.class))
                    .allSatisfy(hash -> assertThat(hash).startsWith("$2a$").doesNotContain(PASSWORD));
            assertThat(jdbc.queryForObject("select token_sha256 from api_token", String.class))
                    .isEqualTo(Accounts.sha256(token)).isNotEqualTo(token);

            // the browser: sign-in needs the CSRF token, and so does every change in the session
            ApiCaller browser = ApiCaller.anonymous(base);
            assertThat(browser.get("/").statusCode()).isEqualTo(200);
            String csrf = browser.cookie("XSRF-TOKEN");
            assertThat(csrf).isNotBlank();
            assertThat(browser.form("/login", "username=tiepnhan450&password=" + PASSWORD, null).statusCode()).isEqualTo(403);
            assertThat(browser.form("/login", "username=tiepnhan450&password=" + PASSWORD, csrf).statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(browser.get("/api/me").body()).get("agencyCode").asText()).isEqualTo("H450");
            assertThat(browser.put("/api/dossiers/H450-2026-0100", "{\"status\":\"resolved\"}").statusCode()).isEqualTo(403);
            assertThat(jdbc.queryForObject("select status from dossier where code = 'H450-2026-0100'", String.class)).isEqualTo("processing");

            AmqpAdmin amqp = context.getBean(AmqpAdmin.class);
            amqp.deleteQueue(services.queue);
            amqp.deleteQueue(services.deadLetterQueue);
        }
    }

    private static void account(ApiCaller admin, String username, String role, String agency) throws Exception {
        HttpResponse<String> created = admin.post("/api/accounts", JSON.writeValueAsString(Map.of(
                "username", username, "password", PASSWORD, "role", role, "agencyCode", agency)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    private static List<String> dossierCodes(ApiCaller caller, String query) throws Exception {
        HttpResponse<String> found = caller.get("/api/search?q=" + java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(found.statusCode()).isEqualTo(200);
        return JSON.readTree(found.body()).get("hits").findValuesAsText("dossierCode").stream().distinct().toList();
    }
}
