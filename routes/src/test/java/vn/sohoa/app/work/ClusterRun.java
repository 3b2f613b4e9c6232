package vn.sohoa.app.work;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.sohoa.app.PaperBatch;
import vn.sohoa.app.ops.ServeProcess;

/**
 * A province on one machine for the cluster tests: one {@code sohoa serve --role intake} and worker processes
 * ({@code --role worker}), each its own JVM, sharing one SOHOA_HOME (the originals store and the PDFs, as a
 * mounted share would be), one PostgreSQL and one broker given by {@code environment}. Their logs are in
 * SOHOA_HOME/logs, or in $SOHOA_TEST_LOGS to keep them after the test.
 */
final class ClusterRun implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(240);

    private final Path home;
    private final Path logs;
    private final Path staging;
    private final Map<String, String> environment;
    private final String brokerHost;
    private final int brokerPort;
    private final String pagesQueue;
    private final List<ServeProcess> processes = new ArrayList<>();

    ClusterRun(Path home, Map<String, String> environment, String brokerHost, int brokerPort, String workQueuePrefix)
            throws IOException {
        this.home = home;
        String kept = System.getenv("SOHOA_TEST_LOGS");
        this.logs = kept == null ? home.resolve("logs") : Path.of(kept);
        this.staging = Files.createDirectories(home.resolve("staging"));
        this.environment = environment;
        this.brokerHost = brokerHost;
        this.brokerPort = brokerPort;
        this.pagesQueue = workQueuePrefix + ".pages";
    }

    ServeProcess intake() throws IOException {
        return start("intake", "intake");
    }

    /** A worker whose readings are signed {@code name}. */
    ServeProcess worker(String name) throws IOException {
        return start(name, "worker");
    }

    private ServeProcess start(String name, String role) throws IOException {
        Map<String, String> env = new HashMap<>(environment);
        env.put("SOHOA_WORK_WORKERNAME", name);
        ServeProcess process = ServeProcess.start(home, logs, name, env, "--role", role);
        processes.add(process);
        return process;
    }

    /** The processes started and still running, for {@link ServeProcess#await} to watch. */
    ServeProcess[] running() {
        return processes.stream().filter(ServeProcess::alive).toArray(ServeProcess[]::new);
    }

    /** Waits until {@code workers} processes consume the pages queue: all are up and share the work from the start. */
    void awaitPageConsumers(int workers) throws InterruptedException {
        ServeProcess.await(workers + " workers consume " + pagesQueue, TIMEOUT, () -> pageConsumers() == workers,
                running());
    }

    private int pageConsumers() {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(brokerHost);
        factory.setPort(brokerPort);
        factory.setUsername(environment.getOrDefault("SPRING_RABBITMQ_USERNAME", "guest"));
        factory.setPassword(environment.getOrDefault("SPRING_RABBITMQ_PASSWORD", "guest"));
        try (Connection connection = factory.newConnection(); Channel channel = connection.createChannel()) {
            return channel.queueDeclarePassive(pagesQueue).getConsumerCount();
        } catch (Exception e) {
            return -1;
        }
    }

    /**
     * Drops {@code scans} multi-page scans of {@code pages} rendered pages each in the inbox, each in a dossier
     * of its own ({@code <prefix>-1}, ...), written under a dot name and renamed as a scanner's upload is.
     */
    List<String> dropScans(String prefix, int scans, int pages) throws IOException {
        List<String> codes = new ArrayList<>();
        for (int s = 1; s <= scans; s++) {
            PaperBatch batch = new PaperBatch();
            for (int p = 1; p <= pages; p++) {
                batch.page("HỒ SƠ " + s + " TRANG " + p);
            }
            String code = prefix + "-" + s;
            Path staged = batch.writeTiff(staging.resolve(code + ".tif"));
            Path dossier = Files.createDirectories(home.resolve("inbox/" + code));
            Files.move(staged, dossier.resolve(".quet.tif"));
            Files.move(dossier.resolve(".quet.tif"), dossier.resolve("quet.tif"));
            codes.add(code);
        }
        return codes;
    }

    @Override
    public void close() throws InterruptedException {
        for (ServeProcess process : processes) {
            process.close();
        }
    }
}
