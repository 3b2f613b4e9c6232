package vn.sohoa.app.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.qpid.server.SystemLauncher;
import org.apache.qpid.server.model.SystemConfig;

/**
 * An in-JVM AMQP 0-9-1 broker (Apache Qpid Broker-J) for a single office PC, so that SoHoa runs with no
 * RabbitMQ installed. Messages are kept in a Derby store under {@code workDir}, so a restart loses none.
 * It listens on 127.0.0.1 only, on a port other than RabbitMQ's 5672.
 */
public final class EmbeddedBroker implements AutoCloseable {

    public static final String USER = "guest";
    public static final String PASSWORD = "guest";

    private final SystemLauncher launcher = new SystemLauncher();
    private final int port;

    private EmbeddedBroker(int port) {
        this.port = port;
    }

    public static EmbeddedBroker start(Path workDir, int port) {
        try {
            Files.createDirectories(workDir);
            Path initial = workDir.resolve("initial-config.json");
            Files.writeString(initial, initialConfiguration(), StandardCharsets.UTF_8);
            // Qpid's default "classpath:" locations need a URL handler a Spring Boot jar does not register
            Path systemProperties = workDir.resolve("system.properties");
            if (!Files.exists(systemProperties)) {
                Files.writeString(systemProperties, "# system properties for the embedded broker\n");
            }
            Map<String, String> context = new HashMap<>();
            context.put("qpid.work_dir", workDir.toAbsolutePath().toString());
            context.put("qpid.amqp_port", Integer.toString(port));
            Map<String, Object> attributes = new HashMap<>();
            attributes.put(SystemConfig.TYPE, "JSON");
            attributes.put(SystemConfig.INITIAL_CONFIGURATION_LOCATION, initial.toAbsolutePath().toString());
            attributes.put(SystemConfig.INITIAL_SYSTEM_PROPERTIES_LOCATION, systemProperties.toUri().toURL().toString());
            attributes.put(SystemConfig.STARTUP_LOGGED_TO_SYSTEM_OUT, false);
            attributes.put(SystemConfig.CONTEXT, context);
            attributes.put("storePath", workDir.resolve("config.json").toAbsolutePath().toString());
            EmbeddedBroker broker = new EmbeddedBroker(port);
            broker.launcher.startup(attributes);
            return broker;
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the embedded AMQP broker in " + workDir + ": " + e.getMessage(), e);
        }
    }

    private static String initialConfiguration() {
        return """
                {
                  "name": "sohoa-embedded-broker",
                  "modelVersion": "9.0",
                  "authenticationproviders": [{
                    "name": "plain", "type": "Plain", "secureOnlyMechanisms": [],
                    "users": [{"name": "%s", "password": "%s", "type": "managed"}]
                  }],
                  "ports": [{
                    "name": "AMQP", "port": "${qpid.amqp_port}", "bindingAddress": "127.0.0.1",
                    "protocols": ["AMQP_0_9", "AMQP_0_9_1"],
                    "authenticationProvider": "plain",
                    "virtualhostaliases": [
                      {"name": "nameAlias", "type": "nameAlias"},
                      {"name": "defaultAlias", "type": "defaultAlias"}
                    ]
                  }],
                  "virtualhostnodes": [{
                    "name": "default", "type": "JSON", "defaultVirtualHostNode": "true",
                    "virtualHostInitialConfiguration": "{\\"type\\": \\"DERBY\\"}"
                  }]
                }
                """.formatted(USER, PASSWORD);
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        launcher.shutdown();
    }
}
