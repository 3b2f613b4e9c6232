package vn.sohoa.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.rabbitmq.client.PossibleAuthenticationFailureException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import com.rabbitmq.client.MessageProperties;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.sohoa.app.Await;
import vn.sohoa.app.PaperBatch;
import vn.sohoa.app.cli.ServeCommand;
import vn.sohoa.app.config.EmbeddedBroker;
import vn.sohoa.app.config.EmbeddedDatabase;
import vn.sohoa.app.config.EmbeddedSecrets;
import vn.sohoa.app.intake.CaptureAgency;
import vn.sohoa.app.records.MachineServices;
import vn.sohoa.app.work.JobSender;
import vn.sohoa.app.work.PageJob;
import vn.sohoa.app.work.ScanJob;

/**
 * Attacks on the services SoHoa runs with: work jobs forged by someone who can publish to the broker, naming an
 * original outside SOHOA_HOME (absolute, with {@code ..}, through a symbolic link) to have a worker read it,
 * and a quarantine folder outside SOHOA_HOME to have a worker write there. Each is refused (dead-lettered)
 * and nothing outside SOHOA_HOME is read into a document or written. And logging in to the embedded broker
 * as guest/guest, also in a work dir an older version left, or with a wrong password: refused. And logging in
 * to the embedded PostgreSQL with no password or a wrong one, also in a data folder an older version made
 * with trust authentication: refused.
 */
@Tag("e2e")
class EmbeddedServicesAttackEndToEndTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    @TempDir
    Path home;

    @TempDir
    Path outside;

    @Test
    void workJobsNamingPathsOutsideHomeAreRefused() throws Exception {
        assumeTrue(MachineServices.listening(5672), "needs the machine's RabbitMQ, whose work queues dead-letter");
        Path secret = new PaperBatch().page("BÍ MẬT").writeTiff(outside.resolve("bi-mat.tif"));
        Path drop = Files.createDirectories(outside.resolve("drop"));
        Files.createSymbolicLink(home.resolve("loi-tat"), outside);
        try (MachineServices services = new MachineServices();
             ConfigurableApplicationContext context = ServeCommand.start(home, services.properties())) {
            JobSender sender = context.getBean(JobSender.class);
            String scans = services.workQueuePrefix + ".scans";
            List<String> forged = new ArrayList<>();
            for (String original : List.of(secret.toString(), "originals/../../" + outside.getFileName() + "/bi-mat.tif",
                    "loi-tat/bi-mat.tif")) {
                ScanJob job = scan(original, null);
                sender.send(job, scans);
                forged.add(job.messageId());
            }
            // a stored original inside home, but a quarantine copy asked for outside it
            Path inside = Files.copy(secret, Files.createDirectories(home.resolve("originals/xx")).resolve("x.tif"));
            ScanJob toDrop = scan(home.relativize(inside).toString(), drop.resolve("x.tif").toString());
            sender.send(toDrop, scans);
            forged.add(toDrop.messageId());
            PageJob page = new PageJob(UUID.randomUUID(), 1, secret.toString(), 1);
            sender.send(page, services.workQueuePrefix + ".pages");
            forged.add(page.documentJob().toString());

            RabbitTemplate rabbit = context.getBean(RabbitTemplate.class);
            List<String> deadLettered = new ArrayList<>();
            Await.until("the forged jobs are dead-lettered", TIMEOUT, () -> {
                for (Message m = rabbit.receive(services.workQueuePrefix + ".dlq"); m != null;
                     m = rabbit.receive(services.workQueuePrefix + ".dlq")) {
                    deadLettered.add(new String(m.getBody(), StandardCharsets.UTF_8));
                }
                return deadLettered.size() >= forged.size();
            });
            for (String id : forged) {
                assertThat(deadLettered).as("job " + id + " refused").anySatisfy(body -> assertThat(body).contains(id));
            }
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("select count(*) from work_document", Long.class)).as("nothing planned").isZero();
            assertThat(jdbc.queryForObject("select count(*) from rejected_scan", Long.class)).as("nothing quarantined")
                    .isZero();
            try (var written = Files.list(drop)) {
                assertThat(written.toList()).as("nothing written outside home").isEmpty();
            }
            try (var files = Files.list(outside)) {
                assertThat(files.map(f -> f.getFileName().toString()).toList()).containsExactlyInAnyOrder("bi-mat.tif",
                        "drop");
            }
        }
    }

    @Test
    void theEmbeddedBrokerRefusesGuestAlsoInTheWorkDirOfAnOlderVersion() throws Exception {
        Path brokerDir = home.resolve("broker");
        int port = freePort();
        // as an older SoHoa left it: guest/guest, and a message queued
        EmbeddedBroker old = EmbeddedBroker.start(brokerDir, port, "guest", "guest");
        try (Connection connection = amqp(port, "guest", "guest").newConnection();
             Channel channel = connection.createChannel()) {
            channel.queueDeclare("hang-doi", true, false, false, null);
            channel.basicPublish("", "hang-doi", MessageProperties.PERSISTENT_TEXT_PLAIN,
                    "van con".getBytes(StandardCharsets.UTF_8));
        } finally {
            old.close();
        }
        EmbeddedSecrets secrets = EmbeddedSecrets.load(home);
        try (EmbeddedBroker broker = EmbeddedBroker.start(brokerDir, port, secrets.brokerUser(), secrets.brokerPassword())) {
            assertThatThrownBy(() -> amqp(port, "guest", "guest").newConnection().close())
                    .as("guest/guest").isInstanceOf(PossibleAuthenticationFailureException.class);
            assertThatThrownBy(() -> amqp(port, secrets.brokerUser(), "guest").newConnection().close())
                    .as("a wrong password").isInstanceOf(PossibleAuthenticationFailureException.class);
            try (Connection connection = amqp(port, secrets.brokerUser(), secrets.brokerPassword()).newConnection();
                 Channel channel = connection.createChannel()) {
                GetResponse kept = channel.basicGet("hang-doi", true);
                assertThat(kept).as("the message queued before the upgrade").isNotNull();
                assertThat(new String(kept.getBody(), StandardCharsets.UTF_8)).isEqualTo("van con");
            }
            try (var files = Files.list(brokerDir)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    assertThat(Files.readString(file, StandardCharsets.ISO_8859_1)).as(file.toString())
                            .doesNotContain("\"guest\"");
                }
            }
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(brokerDir))).isEqualTo("rwx------");
    }

    private static ConnectionFactory amqp(int port, String user, String password) {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(port);
        factory.setUsername(user);
        factory.setPassword(password);
        factory.setAutomaticRecoveryEnabled(false);
        return factory;
    }

    @Test
    void theEmbeddedDatabaseAnswersOnlyItsPasswordAlsoInTheDataOfAnOlderVersion() throws Exception {
        String password = EmbeddedSecrets.load(home).databasePassword();
        // a new data folder: initdb itself writes the password, never a trust line
        Path fresh = home.resolve("fresh-postgres");
        try (EmbeddedDatabase db = EmbeddedDatabase.start(fresh, freePort(), password)) {
            assertPasswordOnly(db.jdbcUrl(), password);
        }
        assertThat(Files.readString(fresh.resolve("pg_hba.conf"))).doesNotContainPattern("(?m)^[^#]*\\btrust\\b");
        // a data folder made as an older SoHoa made it (zonky's initdb -A trust), with data in it
        Path old = home.resolve("old-postgres");
        int port = freePort();
        try (EmbeddedPostgres trusting = EmbeddedPostgres.builder().setDataDirectory(old.toFile())
                .setCleanDataDirectory(false).setPort(port).start();
             java.sql.Connection connection = DriverManager.getConnection(trusting.getJdbcUrl("postgres", "postgres"), "postgres", "")) {
            connection.createStatement().execute("create table kept (v text); insert into kept values ('hồ sơ')");
        }
        try (EmbeddedDatabase db = EmbeddedDatabase.start(old, port, password)) {
            assertPasswordOnly(db.jdbcUrl(), password);
            try (java.sql.Connection connection = DriverManager.getConnection(db.jdbcUrl(), "postgres", password);
                 ResultSet kept = connection.createStatement().executeQuery("select v from kept")) {
                assertThat(kept.next()).isTrue();
                assertThat(kept.getString(1)).isEqualTo("hồ sơ");
            }
        }
        assertThat(Files.readString(old.resolve("pg_hba.conf"))).doesNotContainPattern("(?m)^[^#]*\\btrust\\b");
        // and it stays so at the next start
        try (EmbeddedDatabase db = EmbeddedDatabase.start(old, port, password)) {
            assertPasswordOnly(db.jdbcUrl(), password);
        }
    }

    private static void assertPasswordOnly(String url, String password) throws Exception {
        for (String wrong : List.of("", "postgres", password + "x")) {
            assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", wrong).close()).as("password '" + wrong + "'")
                    .isInstanceOf(SQLException.class).hasMessageContaining("password");
        }
        try (java.sql.Connection connection = DriverManager.getConnection(url, "postgres", password)) {
            assertThat(connection.isValid(5)).isTrue();
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static ScanJob scan(String originalPath, String quarantinePath) {
        return new ScanJob(UUID.randomUUID(), "HS-TAN-CONG", originalPath, "bi-mat.tif",
                "0".repeat(64), 1000, 1, "upload", quarantinePath, Instant.now(), CaptureAgency.any(),
                null);
    }
}
