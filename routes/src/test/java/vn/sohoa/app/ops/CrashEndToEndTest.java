package vn.sohoa.app.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.sohoa.app.SharedCorpus;
import vn.sohoa.app.records.MachineServices;

/**
 * {@code sohoa serve} as a process of its own, killed with SIGKILL (kill -9) while a page is being digitized,
 * then started again: every file dropped is processed once, every document recorded once and announced once,
 * and the file in flight at the kill had its original stored and was still in the inbox. Runs against the
 * machine's PostgreSQL (a fresh database) and RabbitMQ: an embedded PostgreSQL would outlive its killed parent.
 */
@Tag("e2e")
class CrashEndToEndTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(180);
    private static final int FILES = 4;

    @TempDir
    Path home;

    @Test
    void killedInTheMiddleOfAPageItLosesNothingAndDuplicatesNothing() throws Exception {
        try (MachineServices services = new MachineServices()) {
            assumeTrue(services.externalDatabase && services.externalBroker,
                    "needs the machine's PostgreSQL and RabbitMQ");
            services.properties(); // creates the fresh database
            String prefix = "HS-2026-" + (10 + new java.util.Random().nextInt(89));
            List<Path> dropped = new ArrayList<>();
            Path staging = Files.createDirectories(home.resolve("staging"));
            for (int i = 0; i < FILES; i++) {
                Path dossier = Files.createDirectories(home.resolve("inbox/" + prefix + "000" + i));
                Path file = dossier.resolve("giay-to-" + i + ".png");
                // distinct bytes for each: originals are stored by content
                Files.write(staging.resolve(file.getFileName()),
                        withTextChunk(Files.readAllBytes(SharedCorpus.file("real-scans/vietsample2.png")), "copy " + i));
                Files.move(staging.resolve(file.getFileName()), file);
                dropped.add(file);
            }

            Process first = serve(services, "first", Map.of());
            Path inFlight;
            try {
                await("one document is recorded", first, () -> documents(services) >= 1);
                // the next file's original is stored: it is being digitized and not yet recorded
                await("a file is in the middle of digitizing", first,
                        () -> filesUnder(home.resolve("originals")) > documents(services));
                long recordedAtKill = documents(services);
                inFlight = dropped.stream().filter(Files::exists).findFirst().orElseThrow();
                first.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no graceful anything
                first.waitFor();
                assertThat(recordedAtKill).as("killed before the end").isLessThan(FILES);
            } finally {
                first.destroyForcibly();
            }
            assertThat(inFlight).as("the file in flight at the kill is still in the inbox").exists();
            assertThat(filesUnder(home.resolve("originals"))).as("its original was stored before any acknowledgement")
                    .isGreaterThan(documents(services));

            Process second = serve(services, "second", Map.of("SOHOA_LOG_FORMAT", "json"));
            try {
                await("every document is recorded", second, () -> documents(services) == FILES);
                await("the inbox is empty", second, () -> filesUnder(home.resolve("inbox")) == 0);
                await("every document is announced", second, () -> query(services,
                        "select count(*) from outbox where published_at is null") == 0);
            } finally {
                second.destroy();
                second.waitFor();
            }
            assertThat(query(services, "select count(distinct (dossier_id, original_sha256)) from document"))
                    .isEqualTo(FILES);
            assertThat(query(services, "select count(*) from outbox")).isEqualTo(FILES);
            assertThat(query(services, "select count(*) from rejected_scan")).isZero();
            assertThat(filesUnder(home.resolve("done"))).as("each file processed once").isEqualTo(FILES);
            assertThat(filesUnder(home.resolve("failed"))).isZero();

            Map<String, Set<String>> messageIdsByDocument = new HashMap<>();
            List<String> deliveries = new ArrayList<>();
            ConnectionFactory factory = new ConnectionFactory();
            factory.setHost("127.0.0.1");
            try (com.rabbitmq.client.Connection connection = factory.newConnection();
                 Channel channel = connection.createChannel()) {
                ObjectMapper json = new ObjectMapper();
                for (GetResponse r = channel.basicGet(services.queue, true); r != null; r = channel.basicGet(services.queue, true)) {
                    JsonNode body = json.readTree(r.getBody());
                    if (body.get("dossierCode").asText().startsWith(prefix)) {
                        String messageId = r.getProps().getMessageId();
                        deliveries.add(messageId);
                        messageIdsByDocument.computeIfAbsent(body.get("documentId").asText(), k -> new HashSet<>())
                                .add(messageId);
                    }
                }
                channel.queueDelete(services.queue);
                channel.queueDelete(services.deadLetterQueue);
            }
            System.out.printf("crash test: %d deliveries of %d message ids for %d documents%n", deliveries.size(),
                    new HashSet<>(deliveries).size(), messageIdsByDocument.size());
            assertThat(messageIdsByDocument).as("every document announced").hasSize(FILES);
            assertThat(messageIdsByDocument.values()).as("each under one message id").allSatisfy(ids -> assertThat(ids).hasSize(1));
            assertThat(deliveries).as("announced once").doesNotHaveDuplicates();

            // the second run logged with SOHOA_LOG_FORMAT=json: one JSON object a line, the dossier a field
            List<String> jsonLines = Files.readAllLines(home.resolve("second.log")).stream()
                    .filter(l -> l.startsWith("{")).toList();
            assertThat(jsonLines).isNotEmpty().anySatisfy(l -> assertThat(l).contains("\"dossier\":\"" + prefix));
            new ObjectMapper().readTree(jsonLines.get(jsonLines.size() - 1));
        }
    }

    /** The PNG with a tEXt chunk inserted before IEND: the same image, other bytes. */
    static byte[] withTextChunk(byte[] png, String text) {
        byte[] data = ("Comment\0" + text).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        java.nio.ByteBuffer chunk = java.nio.ByteBuffer.allocate(12 + data.length);
        chunk.putInt(data.length).put("tEXt".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).put(data);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(chunk.array(), 4, 4 + data.length);
        chunk.putInt((int) crc.getValue());
        int iend = png.length - 12;
        byte[] out = new byte[png.length + chunk.capacity()];
        System.arraycopy(png, 0, out, 0, iend);
        System.arraycopy(chunk.array(), 0, out, iend, chunk.capacity());
        System.arraycopy(png, iend, out, iend + chunk.capacity(), 12);
        return out;
    }

    private Process serve(MachineServices services, String name, Map<String, String> extra) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                "vn.sohoa.app.cli.SohoaCommand", "serve");
        Map<String, String> env = builder.environment();
        env.put("SOHOA_HOME", home.toString());
        env.put("SOHOA_PORT", "0");
        env.put("SOHOA_OCR_THREADS", "1");
        env.put("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:5432/" + services.database);
        env.put("SPRING_DATASOURCE_USERNAME", "postgres");
        env.put("SPRING_DATASOURCE_PASSWORD", "");
        env.put("SPRING_RABBITMQ_HOST", "127.0.0.1");
        env.put("SPRING_RABBITMQ_PORT", "5672");
        env.put("SPRING_RABBITMQ_USERNAME", "guest");
        env.put("SPRING_RABBITMQ_PASSWORD", "guest");
        env.put("SOHOA_RESULTS_DEFAULT_QUEUE", services.queue);
        env.put("SOHOA_PUBLISH_DEAD_LETTER_QUEUE", services.deadLetterQueue);
        env.put("SOHOA_INBOX_POLL_DELAY_MS", "200");
        env.put("SOHOA_INBOX_MIN_AGE_MS", "300");
        env.put("SOHOA_OUTBOX_POLL_DELAY_MS", "200");
        env.put("OMP_THREAD_LIMIT", "1");
        env.putAll(extra);
        builder.redirectErrorStream(true).redirectOutput(home.resolve(name + ".log").toFile());
        return builder.start();
    }

    private static long documents(MachineServices services) {
        return query(services, "select count(*) from document");
    }

    /** -1 until the service has created the tables. */
    private static long query(MachineServices services, String sql) {
        try (Connection db = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + services.database,
                "postgres", "");
             ResultSet rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            return -1;
        }
    }

    private static long filesUnder(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).count();
        } catch (IOException e) {
            return -1;
        }
    }

    private void await(String what, Process process, BooleanSupplier condition) throws Exception {
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (!condition.getAsBoolean()) {
            if (!process.isAlive()) {
                throw new AssertionError("sohoa serve exited (" + process.exitValue() + ") before " + what + ": "
                        + tail(process));
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting until " + what + ": " + tail(process));
            }
            Thread.sleep(50);
        }
    }

    private String tail(Process process) throws IOException {
        try (Stream<Path> logs = Files.list(home).filter(p -> p.toString().endsWith(".log"))) {
            StringBuilder out = new StringBuilder();
            for (Path log : logs.toList()) {
                List<String> lines = Files.readAllLines(log);
                out.append("\n--- ").append(log.getFileName()).append('\n')
                        .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size())));
            }
            return out.toString();
        }
    }
}
