package vn.sohoa.app.intake;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The real PostgreSQL (127.0.0.1:5432, trust) and RabbitMQ (127.0.0.1:5672, guest) of a developer's or
 * CI's machine, each test run in a database of its own; where they are not running, nothing is set and
 * SoHoa starts its embedded ones instead.
 */
final class TestServices {

    public static final String ADMIN_USER = "quantri";
    public static final String ADMIN_PASSWORD = "mat-khau-thu-nghiem";

    final String database = "sohoa_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    final String queue = "sohoa.results.test-" + UUID.randomUUID();
    final boolean externalDatabase = listening(5432);
    final boolean externalBroker = listening(5672);

    static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /** Spring properties pointing at the real services that are up, and at a test queue of this run. */
    Map<String, Object> properties() throws SQLException {
        Map<String, Object> properties = new HashMap<>();
        properties.put("server.port", 0);
        // the first administrator (issue 8): tests call the API as this account
        properties.put("sohoa.admin.user", ADMIN_USER);
        properties.put("sohoa.admin.password", ADMIN_PASSWORD);
        properties.put("sohoa.results.default-queue", queue);
        properties.put("sohoa.inbox.poll-delay-ms", 200);
        properties.put("sohoa.inbox.min-age-ms", 300);
        properties.put("sohoa.outbox.poll-delay-ms", 200);
        if (externalDatabase) {
            try (Connection admin = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "")) {
                admin.createStatement().execute("create database " + database);
            }
            properties.put("spring.datasource.url", "jdbc:postgresql://127.0.0.1:5432/" + database);
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

    void dropDatabase() {
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
