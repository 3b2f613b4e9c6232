package vn.sohoa.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.sohoa.app.cli.ServeCommand;
import vn.sohoa.app.records.MachineServices;

/**
 * Attacks on accounts over real HTTP: an agency administrator making itself (or anyone) system-wide with a
 * blank, empty or missing agency code or an explicit allAgencies; user names that are paths or blanks;
 * guessing passwords by HTTP Basic and by the form until the account locks, then from one address until it
 * is throttled; reading token secrets; using revoked tokens and the Basic, token and session of a disabled
 * or demoted account; an agency administrator minting, listing or revoking tokens of another agency's API
 * account or of a person, and changing accounts outside its scope.
 */
@Tag("e2e")
class AccountAttackEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "mat-khau-8-ky-tu";
    private static final int LOCKOUT_ATTEMPTS = 3;
    private static final int THROTTLE_FAILURES = 25;

    @TempDir
    Path home;

    @Test
    void accountsResistEscalationGuessingAndStaleRights() throws Exception {
        try (MachineServices services = new MachineServices()) {
            Map<String, Object> properties = new HashMap<>(services.properties());
            properties.put("sohoa.security.lockout.attempts", LOCKOUT_ATTEMPTS);
            properties.put("sohoa.security.lockout.duration", "10m");
            properties.put("sohoa.security.throttle.failures", THROTTLE_FAILURES);
            properties.put("sohoa.security.throttle.window", "10m");
            try (ConfigurableApplicationContext context = ServeCommand.start(home, properties)) {
                String base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
                JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
                attacks(base, jdbc);
                AmqpAdmin amqp = context.getBean(AmqpAdmin.class);
                amqp.deleteQueue(services.queue);
                amqp.deleteQueue(services.deadLetterQueue);
            }
        }
    }

    private void attacks(String base, JdbcTemplate jdbc) throws Exception {
        ApiCaller admin = ApiCaller.basic(base, MachineServices.ADMIN_USER, MachineServices.ADMIN_PASSWORD);
        assertThat(admin.put("/api/agencies/T44", "{\"name\":\"Tỉnh Quảng Bình\",\"level\":\"province\"}").statusCode()).isEqualTo(200);
        assertThat(admin.put("/api/agencies/H450", "{\"name\":\"UBND huyện Tuyên Hóa\",\"level\":\"district\",\"parentCode\":\"T44\"}").statusCode()).isEqualTo(200);
        assertThat(admin.put("/api/agencies/H451", "{\"name\":\"UBND huyện Minh Hóa\",\"level\":\"district\",\"parentCode\":\"T44\"}").statusCode()).isEqualTo(200);
        account(admin, "quantri451", "QUAN_TRI", "H451");
        account(admin, "tiepnhan451", "TIEP_NHAN", "H451");
        account(admin, "nan1", "TIEP_NHAN", "H451");
        account(admin, "nan2", "TIEP_NHAN", "H451");
        account(admin, "motcua451", "API", "H451");
        assertThat(admin.post("/api/accounts", "{\"username\":\"motcua450\",\"role\":\"API\",\"agencyCode\":\"H450\"}").statusCode()).isEqualTo(201);
        ApiCaller admin451 = ApiCaller.basic(base, "quantri451", PASSWORD);

        // the first administrator is system-wide by an explicit right; an agency administrator is not
        assertThat(JSON.readTree(admin.get("/api/me").body()).get("allAgencies").asBoolean()).isTrue();
        assertThat(JSON.readTree(admin451.get("/api/me").body()).get("allAgencies").asBoolean()).isFalse();
        assertThat(jdbc.queryForObject("select all_agencies from account where username = 'quantri'", Boolean.class)).isTrue();

        // an agency administrator cannot make a system-wide account: blank, empty or missing code, or allAgencies
        assertThat(admin451.post("/api/accounts", body("e1", "QUAN_TRI", " ", null)).statusCode()).isEqualTo(400);
        assertThat(admin451.post("/api/accounts", body("e2", "QUAN_TRI", "", null)).statusCode()).isEqualTo(400);
        HttpResponse<String> missing = admin451.post("/api/accounts", body("e3", "QUAN_TRI", null, null));
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("allAgencies");
        assertThat(admin451.post("/api/accounts", body("e4", "QUAN_TRI", "H451", true)).statusCode()).isEqualTo(403);
        assertThat(admin451.post("/api/accounts", body("e5", "QUAN_TRI", null, true)).statusCode()).isEqualTo(403);
        assertThat(jdbc.queryForObject("select count(*) from account where username like 'e_'", Integer.class)).isZero();
        // not by changing an account either, nor touching one outside its agency or a system-wide one
        assertThat(admin451.put("/api/accounts/tiepnhan451", "{\"allAgencies\":true}").statusCode()).isEqualTo(403);
        assertThat(admin451.put("/api/accounts/quantri", "{\"enabled\":false}").statusCode()).isEqualTo(404);
        assertThat(admin451.put("/api/accounts/motcua450", "{\"enabled\":false}").statusCode()).isEqualTo(404);
        assertThat(admin451.put("/api/accounts/quantri451", "{\"enabled\":false}").statusCode()).isEqualTo(400);
        assertThat(jdbc.queryForList("select username from account where all_agencies or not enabled", String.class))
                .containsExactly("quantri");
        // a system-wide administrator may grant it, explicitly
        assertThat(admin.post("/api/accounts", body("quantri2", "QUAN_TRI", null, true)).statusCode()).isEqualTo(201);
        assertThat(jdbc.queryForObject("select all_agencies and agency_id is null from account where username = 'quantri2'",
                Boolean.class)).isTrue();
        assertThat(admin.post("/api/accounts", body("e6", "QUAN_TRI", null, null)).statusCode()).isEqualTo(400);
        // and the database itself refuses an account that is neither system-wide nor in an agency
        assertThatThrownBy(() -> jdbc.update("insert into account (username, role) values ('e7', 'QUAN_TRI')"))
                .isInstanceOf(DataIntegrityViolationException.class);

        // user names that are blanks, paths or not ASCII are refused, with the syntax in the answer
        for (String name : List.of("a b", "a/b", "../x", "nguyễn", " ")) {
            HttpResponse<String> refused = admin.post("/api/accounts", JSON.writeValueAsString(Map.of(
                    "username", name, "password", PASSWORD, "role", "TIEP_NHAN", "agencyCode", "H451")));
            assertThat(refused.statusCode()).as(name).isEqualTo(400);
            assertThat(refused.body()).contains("a user name");
        }
        assertThat(jdbc.queryForObject("select count(*) from account", Integer.class)).isEqualTo(8);

        // guessing by Basic: a success resets the count; LOCKOUT_ATTEMPTS wrong in a row lock the account
        ApiCaller wrong1 = ApiCaller.basic(base, "nan1", "sai-mat-khau");
        ApiCaller right1 = ApiCaller.basic(base, "nan1", PASSWORD);
        for (int i = 0; i < LOCKOUT_ATTEMPTS - 1; i++) {
            assertThat(wrong1.get("/api/me").statusCode()).isEqualTo(401);
        }
        assertThat(right1.get("/api/me").statusCode()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select failed_signins from account where username = 'nan1'", Integer.class)).isZero();
        for (int i = 0; i < LOCKOUT_ATTEMPTS; i++) {
            assertThat(wrong1.get("/api/me").statusCode()).isEqualTo(401);
        }
        HttpResponse<String> whileLocked = right1.get("/api/me");
        assertThat(whileLocked.statusCode()).isEqualTo(401);
        assertThat(jdbc.queryForObject("select locked_until > now() from account where username = 'nan1'", Boolean.class)).isTrue();
        assertThat(jdbc.queryForList("select detail->>'clientIp' from audit_event where action = 'account.locked'"
                + " and detail->>'username' = 'nan1'", String.class)).containsExactly("127.0.0.1");

        // guessing by the form (with its CSRF token): the same lock, and the same answer as a wrong password
        ApiCaller browser = ApiCaller.anonymous(base);
        assertThat(browser.get("/").statusCode()).isEqualTo(200);
        HttpResponse<String> wrongForm = null;
        for (int i = 0; i < LOCKOUT_ATTEMPTS; i++) {
            wrongForm = browser.form("/login", "username=nan2&password=sai-mat-khau", browser.cookie("XSRF-TOKEN"));
            assertThat(wrongForm.statusCode()).isEqualTo(401);
        }
        HttpResponse<String> lockedForm = browser.form("/login", "username=nan2&password=" + PASSWORD, browser.cookie("XSRF-TOKEN"));
        assertThat(lockedForm.statusCode()).isEqualTo(401);
        assertThat(lockedForm.body()).isEqualTo(wrongForm.body());
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'account.locked'"
                + " and detail->>'username' = 'nan2'", Integer.class)).isEqualTo(1);
        // an unknown name is refused the same way and leaves no row behind
        assertThat(ApiCaller.basic(base, "khongco", "sai-mat-khau").get("/api/me").statusCode()).isEqualTo(401);
        assertThat(jdbc.queryForObject("select count(*) from account where username = 'khongco'", Integer.class)).isZero();

        // tokens: minted for the agency's API account, listed without their secret, revoked at once
        String token = JSON.readTree(admin451.post("/api/accounts/motcua451/tokens", "{\"name\":\"một cửa\"}").body()).get("token").asText();
        ApiCaller machine = ApiCaller.bearer(base, token);
        assertThat(machine.get("/api/me").statusCode()).isEqualTo(200);
        HttpResponse<String> listed = admin451.get("/api/accounts/motcua451/tokens");
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body()).doesNotContain(token).doesNotContain(Accounts.sha256(token)).doesNotContain("sohoa_");
        JsonNode first = JSON.readTree(listed.body()).get(0);
        assertThat(first.get("name").asText()).isEqualTo("một cửa");
        assertThat(first.get("lastUsedAt").isNull()).isFalse();
        assertThat(first.get("revokedAt").isNull()).isTrue();
        assertThat(admin451.delete("/api/accounts/motcua451/tokens/" + first.get("id").asLong()).statusCode()).isEqualTo(204);
        assertThat(machine.get("/api/me").statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(admin451.get("/api/accounts/motcua451/tokens").body()).get(0).get("revokedAt").isNull()).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'token.revoked'", Integer.class)).isEqualTo(1);

        // another agency's API account is not found; a person has no tokens, not even from a system-wide administrator
        String token450 = JSON.readTree(admin.post("/api/accounts/motcua450/tokens", "{}").body()).get("token").asText();
        long token450Id = JSON.readTree(admin.get("/api/accounts/motcua450/tokens").body()).get(0).get("id").asLong();
        assertThat(admin451.post("/api/accounts/motcua450/tokens", "{}").statusCode()).isEqualTo(404);
        assertThat(admin451.get("/api/accounts/motcua450/tokens").statusCode()).isEqualTo(404);
        assertThat(admin451.delete("/api/accounts/motcua450/tokens/" + token450Id).statusCode()).isEqualTo(404);
        assertThat(admin451.delete("/api/accounts/motcua451/tokens/" + token450Id).statusCode()).isEqualTo(404);
        assertThat(ApiCaller.bearer(base, token450).get("/api/me").statusCode()).isEqualTo(200);
        assertThat(admin451.post("/api/accounts/tiepnhan451/tokens", "{}").statusCode()).isEqualTo(403);
        assertThat(admin451.get("/api/accounts/tiepnhan451/tokens").statusCode()).isEqualTo(403);
        assertThat(admin451.delete("/api/accounts/tiepnhan451/tokens/1").statusCode()).isEqualTo(403);
        assertThat(admin.post("/api/accounts/tiepnhan451/tokens", "{}").statusCode()).isEqualTo(403);
        assertThat(admin451.post("/api/accounts/quantri451/tokens", "{}").statusCode()).isEqualTo(403);
        assertThat(jdbc.queryForObject("select count(*) from api_token t join account a on a.id = t.account_id"
                + " where a.role <> 'API'", Integer.class)).isZero();

        // disabling an account stops its Basic, its token and its live browser session at the next request
        String token451 = JSON.readTree(admin451.post("/api/accounts/motcua451/tokens", "{}").body()).get("token").asText();
        ApiCaller machineBasic = ApiCaller.basic(base, "motcua451", PASSWORD);
        ApiCaller machineToken = ApiCaller.bearer(base, token451);
        ApiCaller machineSession = signedIn(base, "motcua451");
        assertThat(machineBasic.get("/api/me").statusCode()).isEqualTo(200);
        assertThat(machineToken.get("/api/me").statusCode()).isEqualTo(200);
        assertThat(machineSession.get("/api/me").statusCode()).isEqualTo(200);
        assertThat(admin451.put("/api/accounts/motcua451", "{\"enabled\":false}").statusCode()).isEqualTo(200);
        assertThat(machineBasic.get("/api/me").statusCode()).isEqualTo(401);
        assertThat(machineToken.get("/api/me").statusCode()).isEqualTo(401);
        assertThat(machineSession.get("/api/me").statusCode()).isEqualTo(401);
        assertThat(jdbc.queryForList("select actor from audit_event where action = 'account.disabled'"
                + " and detail->>'username' = 'motcua451'", String.class)).containsExactly("quantri451");
        // a demoted person's session ends too, instead of keeping the rights it had at sign-in
        ApiCaller officerSession = signedIn(base, "tiepnhan451");
        assertThat(officerSession.get("/api/me").statusCode()).isEqualTo(200);
        assertThat(admin451.put("/api/accounts/tiepnhan451", "{\"role\":\"KIEM_TRA\"}").statusCode()).isEqualTo(200);
        assertThat(officerSession.get("/api/me").statusCode()).isEqualTo(401);

        // one address guessing on: 429 with Retry-After before any password is checked, even a right one
        HttpResponse<String> guess = null;
        for (int i = 0; i < THROTTLE_FAILURES + 1 && (guess == null || guess.statusCode() != 429); i++) {
            guess = ApiCaller.basic(base, "khongco", "sai-" + i).get("/api/me");
        }
        assertThat(guess.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(guess.headers().firstValue("Retry-After").orElseThrow())).isPositive();
        assertThat(admin.get("/api/me").statusCode()).isEqualTo(429);
        ApiCaller late = ApiCaller.anonymous(base);
        late.get("/");
        assertThat(late.form("/login", "username=quantri&password=" + MachineServices.ADMIN_PASSWORD,
                late.cookie("XSRF-TOKEN")).statusCode()).isEqualTo(429);
    }

    private static ApiCaller signedIn(String base, String username) throws Exception {
        ApiCaller browser = ApiCaller.anonymous(base);
        assertThat(browser.get("/").statusCode()).isEqualTo(200);
        assertThat(browser.form("/login", "username=" + username + "&password=" + PASSWORD,
                browser.cookie("XSRF-TOKEN")).statusCode()).isEqualTo(200);
        return browser;
    }

    private static String body(String username, String role, String agencyCode, Boolean allAgencies) throws Exception {
        Map<String, Object> body = new HashMap<>(Map.of("username", username, "password", PASSWORD, "role", role));
        if (agencyCode != null) {
            body.put("agencyCode", agencyCode);
        }
        if (allAgencies != null) {
            body.put("allAgencies", allAgencies);
        }
        return JSON.writeValueAsString(body);
    }

    private static void account(ApiCaller admin, String username, String role, String agency) throws Exception {
        HttpResponse<String> created = admin.post("/api/accounts", body(username, role, agency, null));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }
}
