package vn.sohoa.app.records;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import vn.sohoa.app.config.EmbeddedBroker;
import vn.sohoa.app.config.EmbeddedDatabase;
import vn.sohoa.app.config.EmbeddedSecrets;

/**
 * A PostgreSQL and a broker of the test's own (the embedded ones, each on a free port, its data under a folder
 * of the test), which the test may stop and start again in the middle of the work: the machine's services,
 * which other work on this machine uses, are never stopped.
 */
public final class OwnServices implements AutoCloseable {

    private final Path dataDir;
    private final Path brokerDir;
    private final int databasePort;
    private final int brokerPort;
    private EmbeddedDatabase database;
    private EmbeddedBroker broker;
    private final EmbeddedSecrets secrets;

    public OwnServices(Path dir) throws Exception {
        this.dataDir = dir.resolve("test-postgres");
        this.brokerDir = dir.resolve("test-broker");
        this.databasePort = freePort();
        this.brokerPort = freePort();
        this.secrets = EmbeddedSecrets.load(dir);
        startDatabase();
        startBroker();
    }

    public void stopDatabase() throws Exception {
        database.close();
    }

    public void startDatabase() {
        database = EmbeddedDatabase.start(dataDir, databasePort, secrets.databasePassword());
    }

    public void stopBroker() {
        broker.close();
    }

    public void startBroker() {
        broker = EmbeddedBroker.start(brokerDir, brokerPort, secrets.brokerUser(), secrets.brokerPassword());
    }

    /** With the password in it, for callers such as {@link MachineServices#count} that pass none of their own. */
    public String jdbcUrl() {
        return database.jdbcUrl() + "&password=" + secrets.databasePassword();
    }

    public int brokerPort() {
        return brokerPort;
    }

    public String brokerUser() {
        return secrets.brokerUser();
    }

    public String brokerPassword() {
        return secrets.brokerPassword();
    }

    /**
     * Spring properties that point SoHoa at them, with short pauses before a failed step is tried again and
     * without what the embedded broker does not know (quorum queues, consumer dead-lettering).
     */
    public Map<String, Object> properties() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.datasource.url", jdbcUrl());
        properties.put("spring.datasource.username", "postgres");
        properties.put("spring.datasource.password", secrets.databasePassword());
        properties.put("spring.datasource.hikari.connection-timeout", 2000);
        properties.put("spring.rabbitmq.host", "127.0.0.1");
        properties.put("spring.rabbitmq.port", brokerPort);
        properties.put("spring.rabbitmq.username", secrets.brokerUser());
        properties.put("spring.rabbitmq.password", secrets.brokerPassword());
        properties.put("sohoa.publish.consumer-dead-lettering", false);
        properties.put("sohoa.work.quorum-queues", false);
        properties.putAll(MachineServices.shortPauses());
        return properties;
    }

    @Override
    public void close() throws Exception {
        broker.close();
        database.close();
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
