package vn.sohoa.app.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.qpid.server.SystemLauncher;
import org.apache.qpid.server.model.SystemConfig;

/**
 * An in-JVM AMQP 0-9-1 broker (Apache Qpid Broker-J) for a single office PC, so that SoHoa runs with no
 * RabbitMQ installed. Messages are kept in a Derby store under {@code workDir}, so a restart loses none.
 * It listens on 127.0.0.1 only, on a port other than RabbitMQ's 5672, and knows one user, whose name and
 * password are given at every start: a work dir of an older SoHoa, whose broker knew guest/guest, forgets it.
 */
public final class EmbeddedBroker implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SystemLauncher launcher = new SystemLauncher();
    private final int port;

    private EmbeddedBroker(int port) {
        this.port = port;
    }

    public static EmbeddedBroker start(Path workDir, int port, String user, String password) {
        try {
            Files.createDirectories(workDir);
            // Qpid keeps the password in config.json: no one else may look into the folder
            Files.setPosixFilePermissions(workDir, PosixFilePermissions.fromString("rwx------"));
            Path initial = workDir.resolve("initial-config.json");
            Files.deleteIfExists(initial);
            Files.writeString(Files.createFile(initial, OWNER_ONLY), initialConfiguration(user, password),
                    StandardCharsets.UTF_8);
            Path stored = workDir.resolve("config.json");
            // Qpid reads the initial configuration only when it has none stored: an existing one gets the user too
            if (Files.exists(stored)) {
                replaceUsers(stored, user, password);
            }
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

    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    /** Every password provider of the stored configuration gets {@code user} as its only user. */
    private static void replaceUsers(Path stored, String user, String password) throws IOException {
        ObjectNode config = (ObjectNode) JSON.readTree(stored.toFile());
        for (JsonNode provider : config.path("authenticationproviders")) {
            ArrayNode users = JSON.createArrayNode();
            users.addObject().put("id", UUID.randomUUID().toString()).put("name", user).put("password", password)
                    .put("type", "managed");
            ((ObjectNode) provider).set("users", users);
        }
        Path partial = stored.resolveSibling("config.json.sohoa-tmp");
        Files.deleteIfExists(partial);
        Files.write(Files.createFile(partial, OWNER_ONLY), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(config));
        Files.move(partial, stored, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String initialConfiguration(String user, String password) {
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
                """.formatted(user, password);
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        launcher.shutdown();
    }
}
