package vn.sohoa.app.records;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The machine's PostgreSQL (127.0.0.1:5432, trust) and RabbitMQ (127.0.0.1:5672, guest) when they run, in a
 * fresh database and with queues of this run (results, dead letters, work queues), so that runs on one broker
 * never take each other's jobs; otherwise nothing is set and SoHoa starts embedded ones. Closing drops the
 * database and deletes the run's queues.
 */
public final class MachineServices implements AutoCloseable {

    public static final String ADMIN_USER = "quantri";
    public static final String ADMIN_PASSWORD = "mat-khau-thu-nghiem";

    public final String database = "sohoa_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    public final String run = UUID.randomUUID().toString().substring(0, 8);
    public final String queue = "sohoa.results.test-" + run;
    public final String deadLetterQueue = "sohoa.results.dlq.test-" + run;
    public final String workQueuePrefix = "sohoa.work.test-" + run;
    public final boolean externalDatabase = listening(5432);
    public final boolean externalBroker = listening(5672);
    private boolean databaseCreated;

    public static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /**
     * Skips the test unless the machine's PostgreSQL and RabbitMQ run, for a test that kills a service the
     * embedded ones would belong to; {@code why} says what the embedded ones would spoil.
     */
    public void assumeMachineDatabaseAndBroker(String why) {
        assumeTrue(externalDatabase && externalBroker, "needs the machine's PostgreSQL and RabbitMQ: " + why);
    }

    /** Spring properties: the run's queues, short delays, and the machine's services that are up. */
    public Map<String, Object> properties() throws SQLException {
        Map<String, Object> properties = new HashMap<>(runProperties());
        properties.put("server.port", 0);
        // the first administrator (issue 8): tests call the API as this account
        properties.put("sohoa.admin.user", ADMIN_USER);
        properties.put("sohoa.admin.password", ADMIN_PASSWORD);
        properties.putAll(shortPauses());
        if (externalDatabase) {
            createDatabase();
            properties.put("spring.datasource.url", jdbcUrl());
            properties.put("spring.datasource.username", "postgres");
            properties.put("spring.datasource.password", "");
        }
        if (externalBroker) {
            properties.put("spring.rabbitmq.host", "127.0.0.1");
            properties.put("spring.rabbitmq.port", 5672);
            properties.put("spring.rabbitmq.username", "guest");
            properties.put("spring.rabbitmq.password", "guest");
        }
        return properties;
    }

    /** Polls and pauses before another try short enough for a test to wait on. */
    public static Map<String, Object> shortPauses() {
        return Map.of("sohoa.inbox.poll-delay-ms", 200, "sohoa.inbox.min-age-ms", 300, "sohoa.outbox.poll-delay-ms", 200,
                "sohoa.publish.retry-initial", "200ms", "sohoa.publish.retry-max", "1s",
                "sohoa.intake.retry-initial", "300ms", "sohoa.intake.retry-max", "1s");
    }

    /** Only the names of this run's queues, for a test that points SoHoa at services of its own. */
    public Map<String, Object> runProperties() {
        return Map.of("sohoa.results.default-queue", queue, "sohoa.publish.dead-letter-queue", deadLetterQueue,
                "sohoa.work.queue-prefix", workQueuePrefix);
    }

    /** The same as environment variables, for a {@code sohoa serve} of its own process. */
    public Map<String, String> environment() throws SQLException {
        Map<String, String> environment = asEnvironment(properties());
        environment.remove("SERVER_PORT");
        return environment;
    }

    /** Spring properties as the environment spells them: SOHOA_WORK_QUEUEPREFIX for sohoa.work.queue-prefix. */
    public static Map<String, String> asEnvironment(Map<String, Object> properties) {
        Map<String, String> environment = new HashMap<>();
        properties.forEach((key, value) -> environment.put(key.toUpperCase(java.util.Locale.ROOT)
                .replace('.', '_').replace("-", ""), String.valueOf(value)));
        return environment;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:5432/" + database;
    }

    /** A count in the run's database; -1 until the service has created the tables, or while it cannot answer. */
    public long count(String sql) {
        return count(jdbcUrl(), sql);
    }

    /** The first column of a query's rows in the run's database, as text. */
    public List<String> jdbcList(String sql) throws SQLException {
        try (Connection db = DriverManager.getConnection(jdbcUrl(), "postgres", "");
             ResultSet rs = db.createStatement().executeQuery(sql)) {
            List<String> values = new java.util.ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        }
    }

    /** A count in the database at {@code jdbcUrl} (user postgres, no password); -1 while it cannot answer. */
    public static long count(String jdbcUrl, String sql) {
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "");
             ResultSet rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            return -1;
        }
    }

    /** The work queues of this run, and its dead-letter queue. */
    public List<String> workQueues() {
        return List.of(workQueuePrefix + ".scans", workQueuePrefix + ".pages", workQueuePrefix + ".documents",
                workQueuePrefix + ".dlq");
    }

    private synchronized void createDatabase() throws SQLException {
        if (databaseCreated) {
            return;
        }
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "")) {
            admin.createStatement().execute("create database " + database);
        }
        databaseCreated = true;
    }

    @Override
    public void close() {
        if (externalBroker) {
            com.rabbitmq.client.ConnectionFactory factory = new com.rabbitmq.client.ConnectionFactory();
            factory.setHost("127.0.0.1");
            try (com.rabbitmq.client.Connection connection = factory.newConnection();
                 com.rabbitmq.client.Channel channel = connection.createChannel()) {
                for (String name : List.of(queue, deadLetterQueue)) {
                    channel.queueDelete(name);
                }
                for (String name : workQueues()) {
                    channel.queueDelete(name);
                }
            } catch (Exception e) {
                System.err.println("could not delete the test queues of run " + run + ": " + e.getMessage());
            }
        }
        if (!externalDatabase) {
            return;
        }
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "")) {
            admin.createStatement().execute("drop database if exists " + database + " with (force)");
        } catch (SQLException e) {
            System.err.println("could not drop test database " + database + ": " + e.getMessage());
        }
    }
}
