package vn.sohoa.app.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
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
import vn.sohoa.pipeline.Identifier;

/** Accounts and API tokens in PostgreSQL: passwords as BCrypt hashes, tokens as their SHA-256 only. */
@Repository
public class Accounts {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String SELECT = """
            select a.username, a.password_hash, a.enabled, coalesce(a.locked_until > now(), false) as locked, a.role,
                   g.code as agency_code, a.all_agencies
            from account a left join agency g on g.id = a.agency_id""";
    private static final RowMapper<SignedInUser> USER = (rs, i) -> new SignedInUser(rs.getString("username"),
            rs.getString("password_hash"), rs.getBoolean("enabled"), rs.getBoolean("locked"),
            Role.valueOf(rs.getString("role")), rs.getString("agency_code"), rs.getBoolean("all_agencies"));

    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;

    public Accounts(JdbcTemplate jdbc, PasswordEncoder passwords, AuditTrail audit) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.audit = audit;
    }

    public record NewAccount(String username, String password, Role role, String agencyCode, boolean allAgencies,
                             String displayName) {
    }

    /** What a change to an account sets; null fields are left as they are. */
    public record AccountChange(Boolean enabled, Role role, Boolean allAgencies, String displayName) {
    }

    /** An API token as it may be shown: never its secret nor its hash. */
    public record TokenInfo(long id, String name, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {
    }

    public Optional<SignedInUser> byUsername(String username) {
        return jdbc.query(SELECT + " where a.username = ?", USER, username).stream().findFirst();
    }

    /** The account of an unrevoked token, and the token's use noted (at most once a minute, to keep reads cheap). */
    public Optional<SignedInUser> byToken(String token) {
        String hash = sha256(token);
        Optional<SignedInUser> user = jdbc.query(SELECT + " join api_token t on t.account_id = a.id"
                + " where t.token_sha256 = ? and t.revoked_at is null and a.role in ('API', 'GIAM_SAT')", USER, hash).stream().findFirst();
        if (user.isPresent()) {
            jdbc.update("update api_token set last_used_at = now() where token_sha256 = ?"
                    + " and (last_used_at is null or last_used_at < now() - interval '1 minute')", hash);
        }
        return user;
    }

    public boolean exists(String username) {
        return byUsername(username).isPresent();
    }

    @Transactional
    public void create(NewAccount account, String actor) {
        Identifier.USERNAME.check(account.username());
        if (account.role() == null) {
            throw new IllegalArgumentException("a role is needed: TIEP_NHAN, KIEM_TRA, LUU_TRU, QUAN_TRI, API or GIAM_SAT");
        }
        if (account.role() == Role.GIAM_SAT) {
            if (account.agencyCode() != null || account.allAgencies()) {
                throw new IllegalArgumentException("a monitoring account (GIAM_SAT) reads metrics only: it has no agency"
                        + " and no allAgencies");
            }
        } else if (account.agencyCode() != null) {
            Identifier.AGENCY_CODE.check(account.agencyCode());
        } else if (!account.allAgencies()) {
            throw new IllegalArgumentException("an account needs an agencyCode, or \"allAgencies\": true for a"
                    + " system-wide account (cần mã cơ quan)");
        }
        if (account.password() != null && account.password().length() < 8) {
            throw new IllegalArgumentException("a password of at least 8 characters is needed");
        }
        if (account.password() == null && !account.role().isMachine()) {
            throw new IllegalArgumentException("only an API client or a monitoring scraper (GIAM_SAT) may have no password");
        }
        if (exists(account.username())) {
            throw new IllegalArgumentException("an account " + account.username() + " already exists");
        }
        Long agency = account.agencyCode() == null ? null : jdbc.query("select id from agency where code = ?",
                (rs, i) -> rs.getLong(1), account.agencyCode()).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("no agency with code " + account.agencyCode()));
        jdbc.update("insert into account (username, password_hash, role, agency_id, all_agencies, display_name)"
                        + " values (?, ?, ?, ?, ?, ?)",
                account.username(), account.password() == null ? null : passwords.encode(account.password()),
                account.role().name(), agency, account.allAgencies(), account.displayName());
        audit.record(actor, "account.created", null, null, Map.of("username", account.username(),
                "role", account.role().name(), "agency", String.valueOf(account.agencyCode()),
                "allAgencies", account.allAgencies()));
    }

    /** Changes an account; disabling and enabling are audited as such. */
    @Transactional
    public void change(String username, AccountChange change, String actor) {
        Map<String, Object> detail = new LinkedHashMap<>(Map.of("username", username));
        if (change.role() != null) {
            Role current = byUsername(username).map(SignedInUser::role).orElse(null);
            if ((change.role() == Role.GIAM_SAT) != (current == Role.GIAM_SAT)) {
                // a monitoring account has no agency and reads no dossiers: it is created as one, never turned into one
                throw new IllegalArgumentException("an account does not become, or stop being, a monitoring (GIAM_SAT) account");
            }
            jdbc.update("update account set role = ? where username = ?", change.role().name(), username);
            detail.put("role", change.role().name());
        }
        if (change.allAgencies() != null) {
            jdbc.update("update account set all_agencies = ? where username = ?", change.allAgencies(), username);
            detail.put("allAgencies", change.allAgencies());
        }
        if (change.displayName() != null) {
            jdbc.update("update account set display_name = ? where username = ?", change.displayName(), username);
            detail.put("displayName", change.displayName());
        }
        if (detail.size() > 1) {
            audit.record(actor, "account.changed", null, null, detail);
        }
        if (change.enabled() != null) {
            jdbc.update("update account set enabled = ? where username = ?", change.enabled(), username);
            audit.record(actor, change.enabled() ? "account.enabled" : "account.disabled", null, null,
                    Map.of("username", username));
        }
    }

    /**
     * Counts a wrong password against the account; at {@code attempts} in a row it is locked for
     * {@code duration} (audited as account.locked) and the count starts again. True when this locked it.
     */
    @Transactional
    public boolean failedSignIn(String username, int attempts, Duration duration, String clientIp) {
        List<Boolean> locked = jdbc.query("""
                update account set
                    failed_signins = case when failed_signins + 1 >= ? then 0 else failed_signins + 1 end,
                    locked_until = case when failed_signins + 1 >= ? then ? else locked_until end
                where username = ?
                returning failed_signins = 0""", (rs, i) -> rs.getBoolean(1), attempts, attempts,
                Timestamp.from(Instant.now().plus(duration)), username);
        boolean lockedNow = !locked.isEmpty() && locked.get(0);
        if (lockedNow) {
            audit.record("system:signin", "account.locked", null, null, Map.of("username", username,
                    "clientIp", String.valueOf(clientIp), "until", Instant.now().plus(duration).toString()));
        }
        return lockedNow;
    }

    public void succeededSignIn(String username) {
        jdbc.update("update account set failed_signins = 0 where username = ? and failed_signins <> 0", username);
    }

    /** A new random token for the account; only its SHA-256 is kept, so it is shown once. */
    @Transactional
    public String newToken(String username, String name, String actor) {
        Long account = accountId(username);
        if (byUsername(username).filter(user -> user.role().isMachine()).isEmpty()) {
            throw new IllegalArgumentException("tokens are for machines: only an API or GIAM_SAT account has them");
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = "sohoa_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.update("insert into api_token (account_id, token_sha256, name) values (?, ?, ?)", account, sha256(token),
                name == null || name.isBlank() ? "token" : name);
        audit.record(actor, "token.created", null, null, Map.of("username", username, "name", String.valueOf(name)));
        return token;
    }

    public List<TokenInfo> tokens(String username) {
        return jdbc.query("""
                select t.id, t.name, t.created_at, t.last_used_at, t.revoked_at
                from api_token t join account a on a.id = t.account_id where a.username = ? order by t.id""",
                (rs, i) -> new TokenInfo(rs.getLong("id"), rs.getString("name"), instant(rs.getTimestamp("created_at")),
                        instant(rs.getTimestamp("last_used_at")), instant(rs.getTimestamp("revoked_at"))), username);
    }

    /** Revokes one of the account's tokens; one of another account is not found. */
    @Transactional
    public void revokeToken(String username, long tokenId, String actor) {
        int updated = jdbc.update("update api_token set revoked_at = coalesce(revoked_at, now())"
                + " where id = ? and account_id = ?", tokenId, accountId(username));
        if (updated == 0) {
            throw new NotFoundException("no token " + tokenId + " of " + username);
        }
        audit.record(actor, "token.revoked", null, null, Map.of("username", username, "tokenId", tokenId));
    }

    public List<String> usernames() {
        return jdbc.queryForList("select username from account order by username", String.class);
    }

    private Long accountId(String username) {
        return jdbc.query("select id from account where username = ?", (rs, i) -> rs.getLong(1), username)
                .stream().findFirst().orElseThrow(() -> new NotFoundException("no account " + username));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
