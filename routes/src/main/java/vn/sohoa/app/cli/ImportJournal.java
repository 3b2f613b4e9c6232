package vn.sohoa.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The memory of a backlog import, so that an interrupted import resumes where it stopped:
 * {@code import-journal.jsonl} in the output folder, one JSON object per line.
 *
 * <ul>
 *   <li>{@code {"event":"plan","batch":SHA,...}}: how a batch was cut into documents and which output
 *       each document gets, written before any of them is digitized;</li>
 *   <li>{@code {"event":"done","batch":SHA,"document":N,"json":{...}}}: a document whose PDF is in place;</li>
 *   <li>{@code {"event":"failed","batch":SHA,"document":N,"error":"..."}}: tried again on the next run.</li>
 * </ul>
 *
 * Each line is appended with one write and forced to disk before the import goes on, so a kill leaves at
 * most a torn last line, which is ignored when the journal is read back.
 */
final class ImportJournal {

    static final String FILE_NAME = "import-journal.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Map<String, Map<String, Object>> plans = new HashMap<>();
    private final Map<String, Map<String, Object>> done = new HashMap<>();

    private ImportJournal(Path file) {
        this.file = file;
    }

    static ImportJournal open(Path outputDir) throws IOException {
        ImportJournal journal = new ImportJournal(outputDir.resolve(FILE_NAME));
        if (Files.exists(journal.file)) {
            for (String line : Files.readAllLines(journal.file, StandardCharsets.UTF_8)) {
                Map<String, Object> entry;
                try {
                    entry = JSON.readValue(line, new TypeReference<Map<String, Object>>() { });
                } catch (JsonProcessingException e) {
                    continue; // a line torn by a kill while it was written
                }
                journal.remember(entry);
            }
        }
        return journal;
    }

    private void remember(Map<String, Object> entry) {
        String batch = String.valueOf(entry.get("batch"));
        switch (String.valueOf(entry.get("event"))) {
            case "plan" -> plans.put(batch, entry);
            case "done" -> done.put(key(batch, ((Number) entry.get("document")).intValue()), entry);
            case "failed" -> done.remove(key(batch, ((Number) entry.get("document")).intValue()));
            default -> { }
        }
    }

    Optional<Map<String, Object>> plan(String batch) {
        return Optional.ofNullable(plans.get(batch));
    }

    /** Every output already given to a document by any plan, so new documents get other numbers. */
    List<String> plannedOutputs() {
        List<String> outputs = new ArrayList<>();
        for (Map<String, Object> plan : plans.values()) {
            for (Object document : (List<?>) plan.get("documents")) {
                outputs.add(String.valueOf(((Map<?, ?>) document).get("output")));
            }
        }
        return outputs;
    }

    /** The JSON line of a document finished by an earlier run. */
    @SuppressWarnings("unchecked")
    Optional<Map<String, Object>> finished(String batch, int document) {
        return Optional.ofNullable(done.get(key(batch, document))).map(e -> (Map<String, Object>) e.get("json"));
    }

    synchronized void append(Map<String, Object> entry) throws IOException {
        byte[] line = (JSON.writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(false);
        }
        remember(entry);
    }

    private static String key(String batch, int document) {
        return batch + "#" + document;
    }
}
