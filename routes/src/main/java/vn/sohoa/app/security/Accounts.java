package vn.sohoa.app.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import vn.sohoa.app.records.AuditTrail;
import vn.sohoa.app.records.NotFoundException;

/** Accounts and API tokens in PostgreSQL: passwords as BCrypt hashes, tokens as their SHA-256 only. */
@Repository
public class Accounts {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String SELECT = """
            select a.username, a.password_hash, a.enabled, a.role, g.code as agency_code
            from account a left join agency g on g.id = a.agency_id""";
    private static final RowMapper<SignedInUser> USER = (rs, i) -> new SignedInUser(rs.getString("username"),
            rs.getString("password_hash"), rs.getBoolean("enabled"), Role.valueOf(rs.getString("role")),
            rs.getString("agency_code"));

    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;

    public Accounts(JdbcTemplate jdbc, PasswordEncoder passwords, AuditTrail audit) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.audit = audit;
    }

    public record NewAccount(String username, String password, Role role, String agencyCode, String displayName) {
    }

    public Optional<SignedInUser> byUsername(String username) {
        return jdbc.query(SELECT + " where a.username = ?", USER, username).stream().findFirst();
    }

    public Optional<SignedInUser> byToken(String token) {
        return jdbc.query(SELECT + " join api_token t on t.account_id = a.id where t.token_sha256 = ? and t.revoked_at is null",
                USER, sha256(token)).stream().findFirst();
    }

    public boolean exists(String username) {
        return byUsername(username).isPresent();
    }

    @Transactional
    public void create(NewAccount account, String actor) {
        if (account.username() == null || !account.username().matches("[\\p{L}\\p{N}._@-]{2,100}")) {
            throw new IllegalArgumentException("a user name of 2 to 100 letters, digits, '.', '_', '@' or '-' is needed");
        }
        if (account.password() != null && account.password().length() < 8) {
            throw new IllegalArgumentException("a password of at least 8 characters is needed");
        }
        if (account.password() == null && account.role() != Role.API && account.role() != Role.GIAM_SAT) {
            throw new IllegalArgumentException("only an API client or a monitoring scraper (GIAM_SAT) may have no password");
        }
        if (account.role() == Role.GIAM_SAT && account.agencyCode() != null) {
            throw new IllegalArgumentException("a monitoring account (GIAM_SAT) reads system-wide metrics: it has no agency");
        }
        Long agency = account.agencyCode() == null ? null : jdbc.query("select id from agency where code = ?",
                (rs, i) -> rs.getLong(1), account.agencyCode()).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("no agency with code " + account.agencyCode()));
        jdbc.update("insert into account (username, password_hash, role, agency_id, display_name) values (?, ?, ?, ?, ?)",
                account.username(), account.password() == null ? null : passwords.encode(account.password()),
                account.role().name(), agency, account.displayName());
        audit.record(actor, "account.created", null, null, Map.of("username", account.username(),
                "role", account.role().name(), "agency", String.valueOf(account.agencyCode())));
    }

    /** A new random token for the account; only its SHA-256 is kept, so it is shown once. */
    @Transactional
    public String newToken(String username, String name, String actor) {
        Long account = jdbc.query("select id from account where username = ?", (rs, i) -> rs.getLong(1), username)
                .stream().findFirst().orElseThrow(() -> new NotFoundException("no account " + username));
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = "sohoa_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.update("insert into api_token (account_id, token_sha256, name) values (?, ?, ?)", account, sha256(token),
                name == null || name.isBlank() ? "token" : name);
        audit.record(actor, "token.created", null, null, Map.of("username", username, "name", String.valueOf(name)));
        return token;
    }

    public List<String> usernames() {
        return jdbc.queryForList("select username from account order by username", String.class);
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
