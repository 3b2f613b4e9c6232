package vn.sohoa.app.config;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides, before Spring starts, whether SoHoa uses external services or starts its own: with
 * SPRING_DATASOURCE_URL it uses that PostgreSQL, otherwise an embedded one under SOHOA_HOME/postgres; with
 * SPRING_RABBITMQ_HOST (or _ADDRESSES) that broker, otherwise an embedded one under SOHOA_HOME/broker. It
 * returns the Spring properties that point the application at what was started.
 */
public final class ServiceBootstrap implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ServiceBootstrap.class);
    /** Ports the embedded services must never take: the real PostgreSQL's and RabbitMQ's. */
    private static final List<Integer> RESERVED = List.of(5432, 5672);

    private final List<AutoCloseable> started = new ArrayList<>();
    private final Map<String, Object> properties = new LinkedHashMap<>();

    /** {@code settings} looks a Spring property up in the environment and system properties. */
    public static ServiceBootstrap start(Path home, Function<String, String> settings) {
        ServiceBootstrap bootstrap = new ServiceBootstrap();
        try {
            if (blank(settings.apply("spring.datasource.url"))) {
                EmbeddedDatabase db = EmbeddedDatabase.start(home.resolve("postgres"), freePort(),
                        EmbeddedSecrets.load(home).databasePassword());
                bootstrap.started.add(db);
                bootstrap.properties.put("spring.datasource.url", db.jdbcUrl());
                bootstrap.properties.put("spring.datasource.username", db.user());
                bootstrap.properties.put("spring.datasource.password", db.password());
                log.info("embedded PostgreSQL on 127.0.0.1:{}, data in {}", db.port(), home.resolve("postgres"));
            }
            if (blank(settings.apply("spring.rabbitmq.host")) && blank(settings.apply("spring.rabbitmq.addresses"))) {
                EmbeddedSecrets secrets = EmbeddedSecrets.load(home);
                EmbeddedBroker broker = EmbeddedBroker.start(home.resolve("broker"), freePort(), secrets.brokerUser(),
                        secrets.brokerPassword());
                bootstrap.started.add(broker);
                bootstrap.properties.put("spring.rabbitmq.host", "127.0.0.1");
                bootstrap.properties.put("spring.rabbitmq.port", broker.port());
                bootstrap.properties.put("spring.rabbitmq.username", secrets.brokerUser());
                bootstrap.properties.put("spring.rabbitmq.password", secrets.brokerPassword());
                // Qpid Broker-J has no x-dead-letter-exchange queue argument (RabbitMQ's consumer dead-lettering)
                bootstrap.properties.put("sohoa.publish.consumer-dead-lettering", false);
                // nor quorum queues: the work queues are plain durable ones there
                bootstrap.properties.put("sohoa.work.quorum-queues", false);
                log.info("embedded AMQP broker on 127.0.0.1:{}, messages in {}", broker.port(), home.resolve("broker"));
            }
            return bootstrap;
        } catch (RuntimeException e) {
            bootstrap.close();
            throw e;
        }
    }

    /** Spring property names as the environment spells them (SPRING_DATASOURCE_URL) or as system properties. */
    public static String fromEnvironment(String property) {
        String system = System.getProperty(property);
        if (system != null) {
            return system;
        }
        return System.getenv(property.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace("-", ""));
    }

    public Map<String, Object> properties() {
        return Map.copyOf(properties);
    }

    public boolean embeddedDatabase() {
        return started.stream().anyMatch(EmbeddedDatabase.class::isInstance);
    }

    public boolean embeddedBroker() {
        return started.stream().anyMatch(EmbeddedBroker.class::isInstance);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    static int freePort() {
        for (int attempt = 0; attempt < 20; attempt++) {
            try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                int port = socket.getLocalPort();
                if (!RESERVED.contains(port)) {
                    return port;
                }
            } catch (IOException e) {
                throw new IllegalStateException("no free local port: " + e.getMessage(), e);
            }
        }
        throw new IllegalStateException("no free local port");
    }

    @Override
    public void close() {
        // the broker first: it may still be flushing to its store
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                log.warn("could not stop {}: {}", started.get(i).getClass().getSimpleName(), e.getMessage());
            }
        }
        started.clear();
    }
}
