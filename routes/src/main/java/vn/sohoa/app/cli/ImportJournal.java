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
import java.util.LinkedHashMap;
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
 *   <li>{@code {"event":"started","batch":SHA,"document":N}}: a document given to the digitizer; until its
 *       done or failed line follows, it is in flight;</li>
 *   <li>{@code {"event":"crashed","exitCode":C,"documents":[{"batch":SHA,"document":N},...]}}: the digitizer
 *       process died (a native crash: {@link CrashRestarts}) while these documents were in flight.</li>
 * </ul>
 *
 * Each line is appended with one write and forced to disk before the import goes on, so a kill leaves at
 * most a torn last line, which is ignored when the journal is read back (and ended, so that the next line
 * starts a line of its own).
 */
final class ImportJournal {

    static final String FILE_NAME = "import-journal.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Map<String, Map<String, Object>> plans = new HashMap<>();
    private final Map<String, Map<String, Object>> done = new HashMap<>();
    /** Where (the how-many-th entry) each document was last concluded, done or failed. */
    private final Map<String, Integer> concludedAt = new HashMap<>();
    private final Map<String, String> failures = new HashMap<>();
    private final Map<String, Map<String, Object>> inFlight = new LinkedHashMap<>();
    private final Map<String, Integer> crashes = new HashMap<>();
    private int entries;
    private int conclusions;

    private ImportJournal(Path file) {
        this.file = file;
    }

    static ImportJournal open(Path outputDir) throws IOException {
        ImportJournal journal = new ImportJournal(outputDir.resolve(FILE_NAME));
        if (Files.exists(journal.file)) {
            byte[] bytes = Files.readAllBytes(journal.file);
            if (bytes.length > 0 && bytes[bytes.length - 1] != '\n') {
                // a line torn by a kill: end it, or the next entry would be glued to it and lost with it
                Files.write(journal.file, new byte[] {'\n'}, StandardOpenOption.APPEND);
            }
            for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
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
        int position = entries++;
        switch (String.valueOf(entry.get("event"))) {
            case "plan" -> plans.put(batch, entry);
            case "done" -> {
                String key = key(batch, document(entry));
                done.put(key, entry);
                conclude(key, position);
            }
            case "failed" -> {
                String key = key(batch, document(entry));
                done.remove(key);
                failures.put(key, String.valueOf(entry.get("error")));
                conclude(key, position);
            }
            case "started" -> inFlight.put(key(batch, document(entry)), Map.of("batch", batch, "document", document(entry)));
            case "crashed" -> {
                for (Object document : (List<?>) entry.get("documents")) {
                    Map<?, ?> d = (Map<?, ?>) document;
                    String key = key(String.valueOf(d.get("batch")), document(d));
                    inFlight.remove(key);
                    crashes.merge(key, 1, Integer::sum);
                }
            }
            default -> { }
        }
    }

    private void conclude(String key, int position) {
        conclusions++;
        concludedAt.put(key, position);
        inFlight.remove(key);
        crashes.remove(key);
    }

    private static int document(Map<?, ?> entry) {
        return ((Number) entry.get("document")).intValue();
    }

    /** How many entries the journal holds: where the entries of a run starting now will begin. */
    synchronized int size() {
        return entries;
    }

    /** How many times a document was done or failed, over all runs. */
    synchronized int conclusions() {
        return conclusions;
    }

    /** The documents started and neither done nor failed since: in flight, or in flight when a process died. */
    synchronized List<Map<String, Object>> inFlight() {
        return List.copyOf(inFlight.values());
    }

    /** How many times the digitizer died with this document in flight since it was last done or failed. */
    synchronized int crashes(String batch, int document) {
        return crashes.getOrDefault(key(batch, document), 0);
    }

    /** Where the document was last done or failed (the entry's position; -1: never). */
    synchronized int concludedAt(String batch, int document) {
        return concludedAt.getOrDefault(key(batch, document), -1);
    }

    /** Why the document failed last, when its last conclusion was a failure. */
    synchronized Optional<String> failure(String batch, int document) {
        String key = key(batch, document);
        return done.containsKey(key) ? Optional.empty() : Optional.ofNullable(failures.get(key));
    }

    synchronized Optional<Map<String, Object>> plan(String batch) {
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
    synchronized Optional<Map<String, Object>> finished(String batch, int document) {
        return Optional.ofNullable(done.get(key(batch, document))).map(e -> (Map<String, Object>) e.get("json"));
    }

    /** A document given to the digitizer: in flight until its done or failed line. */
    void started(String batch, int document) throws IOException {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("event", "started");
        entry.put("batch", batch);
        entry.put("document", document);
        append(entry);
    }

    /** The digitizer died with exit status {@code exitCode}: the documents in flight are marked lost to it. */
    synchronized List<Map<String, Object>> crashed(int exitCode) throws IOException {
        List<Map<String, Object>> lost = inFlight();
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("event", "crashed");
        entry.put("exitCode", exitCode);
        entry.put("documents", lost);
        append(entry);
        return lost;
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
