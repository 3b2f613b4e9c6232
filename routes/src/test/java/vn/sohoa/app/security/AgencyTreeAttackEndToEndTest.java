package vn.sohoa.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.sohoa.app.cli.ServeCommand;
import vn.sohoa.app.records.MachineServices;

/**
 * Attacks on the agency tree and on dossier ownership over real HTTP against the real PostgreSQL: an agency
 * administrator moving or renaming their own agency, adding one above it, making a parent cycle or a
 * blank-coded agency, a procedure, a path no rule names, an import from outside the backlog folder; a cycle already in the database; two sibling agencies creating the same new dossier
 * code at the same moment to take over each other's dossier.
 */
@Tag("e2e")
class AgencyTreeAttackEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "mat-khau-8-ky-tu";

    @TempDir
    Path home;

    @Test
    void theTreeKeepsItsShapeAndADossierItsAgency() throws Exception {
        try (MachineServices services = new MachineServices();
             ConfigurableApplicationContext context = ServeCommand.start(home, services.properties())) {
            String base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
            ApiCaller admin = ApiCaller.basic(base, MachineServices.ADMIN_USER, MachineServices.ADMIN_PASSWORD);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            ok(admin.put("/api/agencies/T44", agency("Tỉnh Quảng Bình", "province", null)));
            ok(admin.put("/api/agencies/H450", agency("UBND huyện Tuyên Hóa", "district", "T44")));
            ok(admin.put("/api/agencies/H451", agency("UBND huyện Minh Hóa", "district", "T44")));
            ok(admin.put("/api/agencies/X45001", agency("UBND xã Đồng Hóa", "commune", "H450")));
            account(admin, "quantri450", "QUAN_TRI", "H450");
            account(admin, "tiepnhan450", "TIEP_NHAN", "H450");
            account(admin, "tiepnhan451", "TIEP_NHAN", "H451");
            ApiCaller admin450 = ApiCaller.basic(base, "quantri450", PASSWORD);

            // an agency administrator never touches their own agency, nor anything above or beside it
            assertThat(admin450.put("/api/agencies/H450", agency("Huyện của tôi", "district", "T44")).statusCode()).isEqualTo(403);
            assertThat(admin450.put("/api/agencies/H450", agency("Tỉnh mới", "province", null)).statusCode()).isEqualTo(403);
            assertThat(admin450.put("/api/agencies/T44", agency("Tỉnh", "province", null)).statusCode()).isEqualTo(404);
            assertThat(admin450.put("/api/agencies/H451", agency("Minh Hóa", "district", "T44")).statusCode()).isEqualTo(404);
            assertThat(admin450.put("/api/agencies/T99", agency("Tỉnh giả", "province", null)).statusCode()).isEqualTo(403);
            assertThat(admin450.put("/api/agencies/X45009", agency("Xã", "commune", "H451")).statusCode()).isEqualTo(404);
            // procedures are system-wide; what no rule names is nobody's
            assertThat(admin450.put("/api/procedures/1.004227", "{\"name\":\"Đăng ký đất đai\",\"level\":\"district\"}")
                    .statusCode()).isEqualTo(403);
            assertThat(admin450.get("/etc/passwd").statusCode()).isEqualTo(403);
            // backlog imports: archivists and administrators only, and nothing outside SOHOA_HOME/backlog
            ApiCaller officer = ApiCaller.basic(base, "tiepnhan450", PASSWORD);
            assertThat(officer.get("/api/imports").statusCode()).isEqualTo(403);
            assertThat(officer.post("/api/imports", "{\"input\":\"x.tif\"}").statusCode()).isEqualTo(403);
            for (String input : List.of("../../etc/passwd", "/etc/passwd", "../secrets")) {
                assertThat(admin450.post("/api/imports", JSON.writeValueAsString(Map.of("input", input))).statusCode())
                        .as(input).isEqualTo(404);
            }
            assertThat(ApiCaller.anonymous(base).get("/v3/api-docs").statusCode()).isEqualTo(401);
            // a blank, spaced or path-like code is refused, whoever asks
            for (String code : List.of("%20", "%09", "a%20b", "..", ".hidden", "H%C3%A0")) {
                assertThat(admin450.put("/api/agencies/" + code, agency("Xã", "commune", "H450")).statusCode()).as(code).isEqualTo(400);
                assertThat(admin.put("/api/agencies/" + code, agency("Tỉnh", "province", null)).statusCode()).as(code).isEqualTo(400);
            }
            assertThat(admin450.put("/api/agencies/X45002", agency("Xã", "commune", " ")).statusCode()).isIn(400, 404);
            // levels hold: a commune under a district, never under a commune or itself, never a district under H450
            assertThat(admin450.put("/api/agencies/X45003", agency("Xã", "commune", "X45001")).statusCode()).isEqualTo(400);
            assertThat(admin450.put("/api/agencies/X45001", agency("Xã", "commune", "X45001")).statusCode()).isEqualTo(400);
            assertThat(admin450.put("/api/agencies/H4509", agency("Huyện", "district", "H450")).statusCode()).isEqualTo(400);
            ok(admin450.put("/api/agencies/X45002", agency("UBND xã Mai Hóa", "commune", "H450")));
            // not even the system-wide administrator makes a cycle or strands an agency's children
            assertThat(admin.put("/api/agencies/H450", agency("Tuyên Hóa", "commune", "X45001")).statusCode()).isEqualTo(400);
            assertThat(admin.put("/api/agencies/T44", agency("Quảng Bình", "district", "H450")).statusCode()).isEqualTo(400);
            assertThat(admin.put("/api/agencies/H450", agency("Tuyên Hóa", "province", null)).statusCode()).isEqualTo(400);
            assertThat(jdbc.queryForList("select a.code || '<' || coalesce(p.code, '-') from agency a left join agency p"
                    + " on p.id = a.parent_id order by a.code", String.class))
                    .containsExactly("H450<T44", "H451<T44", "T44<-", "X45001<H450", "X45002<H450");

            // two sibling agencies create the same new dossier code at the same moment: one gets it, whole
            ApiCaller officer450 = ApiCaller.basic(base, "tiepnhan450", PASSWORD);
            ApiCaller officer451 = ApiCaller.basic(base, "tiepnhan451", PASSWORD);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                for (int i = 0; i < 20; i++) {
                    String code = "HS-RACE-" + i;
                    CyclicBarrier start = new CyclicBarrier(2);
                    Future<Integer> a = pool.submit(create(officer450, code, start));
                    Future<Integer> b = pool.submit(create(officer451, code, start));
                    List<Integer> answers = List.of(a.get(), b.get());
                    assertThat(answers).as(code).containsExactlyInAnyOrder(200, 404);
                    String owner = answers.get(0) == 200 ? "H450" : "H451";
                    assertThat(jdbc.queryForObject("select g.code from dossier d join agency g on g.id = d.agency_id"
                            + " where d.code = ?", String.class, code)).as(code).isEqualTo(owner);
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(officer451.put("/api/dossiers/HS-RACE-X", "{\"agencyCode\":\"H450\"}").statusCode()).isEqualTo(404);
            assertThat(officer450.put("/api/dossiers/a%20b", "{}").statusCode()).isEqualTo(400);
            assertThat(officer450.put("/api/dossiers/..", "{}").statusCode()).isIn(400, 404);
            assertThat(jdbc.queryForObject("select count(*) from dossier where code not like 'HS-RACE-%'", Integer.class)).isZero();

            // a cycle already in the database (written before these checks) does not hang a scoped query
            jdbc.update("update agency set parent_id = (select id from agency where code = 'X45001') where code = 'H450'");
            HttpResponse<String> found = officer450.get("/api/search?q=ho+so");
            assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
            assertThat(officer450.get("/api/dossiers/HS-RACE-0").statusCode()).isIn(200, 404);

            AmqpAdmin amqp = context.getBean(AmqpAdmin.class);
            amqp.deleteQueue(services.queue);
            amqp.deleteQueue(services.deadLetterQueue);
        }
    }

    private static Callable<Integer> create(ApiCaller caller, String code, CyclicBarrier start) {
        return () -> {
            start.await();
            return caller.put("/api/dossiers/" + code, "{\"status\":\"received\"}").statusCode();
        };
    }

    private static String agency(String name, String level, String parent) throws Exception {
        Map<String, String> body = new HashMap<>(Map.of("name", name, "level", level));
        if (parent != null) {
            body.put("parentCode", parent);
        }
        return JSON.writeValueAsString(body);
    }

    private static void ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static void account(ApiCaller admin, String username, String role, String agency) throws Exception {
        HttpResponse<String> created = admin.post("/api/accounts", JSON.writeValueAsString(Map.of(
                "username", username, "password", PASSWORD, "role", role, "agencyCode", agency)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }
}
