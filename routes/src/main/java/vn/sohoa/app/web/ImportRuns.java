package vn.sohoa.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import picocli.CommandLine;
import vn.sohoa.app.cli.ImportCommand;
import vn.sohoa.app.config.SohoaProperties;
import vn.sohoa.app.records.NotFoundException;

/**
 * Backlog imports started from the archivist's page: {@code sohoa import} on a folder or file under
 * SOHOA_HOME/backlog (where the scans are copied or mounted; nothing outside it can be named), one run at
 * a time, its output and journal in SOHOA_HOME/imports/&lt;run&gt;/. Progress is read from the journal.
 */
@Component
public class ImportRuns implements DisposableBean {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path backlog;
    private final Path runs;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "sohoa-import-run"));
    private final Map<String, String> running = new ConcurrentHashMap<>();

    public ImportRuns(SohoaProperties properties) {
        this.backlog = properties.home().resolve("backlog").toAbsolutePath().normalize();
        this.runs = properties.home().resolve("imports").toAbsolutePath().normalize();
    }

    public record Run(String id, String input, String agencyCode, String state, long planned, long done, long failed, Integer exitCode) {
    }

    public Path backlog() {
        return backlog;
    }

    public Run start(String input, String actor, String agencyCode) throws IOException {
        Path source = backlog.resolve(input == null ? "" : input).normalize();
        if (!source.startsWith(backlog) || !Files.exists(source)) {
            throw new NotFoundException("nothing named " + input + " in " + backlog);
        }
        String id = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"));
        Path output = Files.createDirectories(runs.resolve(id));
        Files.writeString(output.resolve("run.txt"), backlog.relativize(source) + "\n" + actor + "\n"
                + (agencyCode == null ? "" : agencyCode) + "\n", StandardCharsets.UTF_8);
        running.put(id, "queued");
        executor.submit(() -> {
            running.put(id, "running");
            int exit;
            try {
                exit = new CommandLine(new ImportCommand()).execute("--output-dir", output.toString(), "--no-progress",
                        source.toString());
            } catch (RuntimeException e) {
                exit = 1;
            }
            try {
                Files.writeString(output.resolve("exit-code.txt"), Integer.toString(exit), StandardCharsets.UTF_8);
            } catch (IOException e) {
                // the state falls back to "stopped" on the page
            }
            running.remove(id);
        });
        return read(output);
    }

    /** The runs started by accounts whose agency {@code visible} accepts (null: a system-wide administrator). */
    public List<Run> list(java.util.function.Predicate<String> visible) throws IOException {
        if (!Files.isDirectory(runs)) {
            return List.of();
        }
        List<Run> list = new ArrayList<>();
        try (Stream<Path> folders = Files.list(runs)) {
            for (Path folder : folders.filter(Files::isDirectory).sorted(java.util.Comparator.reverseOrder()).toList()) {
                Run run = read(folder);
                if (visible.test(run.agencyCode())) {
                    list.add(run);
                }
            }
        }
        return list;
    }

    private Run read(Path folder) throws IOException {
        String id = folder.getFileName().toString();
        Path runFile = folder.resolve("run.txt");
        List<String> about = Files.exists(runFile) ? Files.readAllLines(runFile, StandardCharsets.UTF_8) : List.of();
        String input = about.isEmpty() ? "?" : about.get(0);
        String agency = about.size() < 3 || about.get(2).isBlank() ? null : about.get(2);
        long planned = 0;
        Set<String> done = new HashSet<>();
        Set<String> failed = new HashSet<>();
        Path journal = folder.resolve("import-journal.jsonl");
        if (Files.exists(journal)) {
            for (String line : Files.readAllLines(journal, StandardCharsets.UTF_8)) {
                JsonNode entry;
                try {
                    entry = JSON.readTree(line);
                } catch (IOException torn) {
                    continue;
                }
                String key = entry.path("batch").asText() + "/" + entry.path("document").asText();
                switch (entry.path("event").asText()) {
                    case "plan" -> planned += entry.path("documents").size();
                    case "done" -> { done.add(key); failed.remove(key); }
                    case "failed" -> failed.add(key);
                    default -> { }
                }
            }
        }
        Path exitFile = folder.resolve("exit-code.txt");
        Integer exit = Files.exists(exitFile) ? Integer.valueOf(Files.readString(exitFile).strip()) : null;
        String state = running.getOrDefault(id, exit == null ? "stopped" : exit == 0 ? "finished" : "finished-with-errors");
        return new Run(id, input, agency, state, planned, done.size(), failed.size(), exit);
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
