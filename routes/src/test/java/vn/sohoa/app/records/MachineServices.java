package vn.sohoa.app.records;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The machine's PostgreSQL (127.0.0.1:5432, trust) and RabbitMQ (127.0.0.1:5672, guest) when they run, in a
 * fresh database and with queues of this run; otherwise nothing is set and SoHoa starts embedded ones.
 */
public final class MachineServices implements AutoCloseable {

    public static final String ADMIN_USER = "quantri";
    public static final String ADMIN_PASSWORD = "mat-khau-thu-nghiem";

    public final String database = "sohoa_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    public final String run = UUID.randomUUID().toString().substring(0, 8);
    public final String queue = "sohoa.results.test-" + run;
    public final String deadLetterQueue = "sohoa.results.dlq.test-" + run;
    public final boolean externalDatabase = listening(5432);
    public final boolean externalBroker = listening(5672);

    public static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    public Map<String, Object> properties() throws SQLException {
        Map<String, Object> properties = new HashMap<>();
        properties.put("server.port", 0);
        // the first administrator (issue 8): tests call the API as this account
        properties.put("sohoa.admin.user", ADMIN_USER);
        properties.put("sohoa.admin.password", ADMIN_PASSWORD);
        properties.put("sohoa.results.default-queue", queue);
        properties.put("sohoa.publish.dead-letter-queue", deadLetterQueue);
        properties.put("sohoa.inbox.poll-delay-ms", 200);
        properties.put("sohoa.inbox.min-age-ms", 300);
        properties.put("sohoa.outbox.poll-delay-ms", 200);
        properties.put("sohoa.publish.retry-initial", "200ms");
        properties.put("sohoa.publish.retry-max", "1s");
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

    @Override
    public void close() {
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
