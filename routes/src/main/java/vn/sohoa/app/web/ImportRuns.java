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
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import vn.sohoa.app.cli.ImportListener;
import vn.sohoa.app.cli.ImportService;
import vn.sohoa.app.config.SigningProperties;
import vn.sohoa.app.config.SohoaProperties;
import vn.sohoa.app.records.NotFoundException;
import vn.sohoa.pipeline.DigitizerSettings;

/**
 * Backlog imports started from the archivist's page: an {@link ImportService} run on a folder or file under
 * SOHOA_HOME/backlog (where the scans are copied or mounted; nothing outside it can be named), one run at
 * a time, its output and journal in SOHOA_HOME/imports/&lt;run&gt;/, its PDFs signed as the service's
 * (sohoa.signing.*). It digitizes in a child JVM started again after a native crash, so that neither a crash
 * nor the import's command-line settings (its quiet logging) reach the service. Progress is read from the
 * journal, so it is shown alike after a restart of the service.
 */
@Component
public class ImportRuns implements DisposableBean {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger log = LoggerFactory.getLogger(ImportRuns.class);

    /** Native crashes of the digitizing child after which it is started again. */
    static final int RESTARTS = 5;

    private final Path backlog;
    private final Path runs;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "sohoa-import-run"));
    private final Map<String, String> running = new ConcurrentHashMap<>();
    private final int threads;
    private final DigitizerSettings settings;

    public ImportRuns(SohoaProperties properties, SigningProperties signing) {
        this.backlog = properties.home().resolve("backlog").toAbsolutePath().normalize();
        this.runs = properties.home().resolve("imports").toAbsolutePath().normalize();
        this.threads = properties.effectiveOcrThreads();
        DigitizerSettings unsigned = DigitizerSettings.defaults().withOcrThreads(threads);
        this.settings = signing.settings().map(unsigned::withSigning).orElse(unsigned);
    }

    /**
     * A run and its progress: documents planned, done and failed, and their pages planned and done.
     *
     * @param state queued, running, finished, finished-with-errors, or stopped (ended without an exit status)
     */
    public record Run(String id, String input, String agencyCode, String state, long planned, long done, long failed,
                      Integer exitCode, long pagesPlanned, long pagesDone) {
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
        executor.submit(() -> run(id, source, output));
        log.info("import run {} of {} queued by {}", id, backlog.relativize(source), actor);
        return read(output);
    }

    private void run(String id, Path source, Path output) {
        running.put(id, "running");
        ImportService.Request request = new ImportService.Request(output, List.of(source), threads, false, null,
                settings, RESTARTS, List.of("--no-progress"), null);
        int exit;
        try {
            exit = new ImportService(request, new Logged(id)).run().exitCode();
        } catch (IOException | RuntimeException e) {
            log.error("import run {} of {} failed: {}", id, source, e.toString());
            exit = ImportService.SOMETHING_FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("import run {} of {} stopped with the service; start it again to go on", id, source);
            running.remove(id);
            return;
        }
        try {
            Files.writeString(output.resolve("exit-code.txt"), Integer.toString(exit), StandardCharsets.UTF_8);
        } catch (IOException e) {
            log.warn("import run {}: cannot write its exit status: {}", id, e.getMessage());
        }
        running.remove(id);
        log.info("import run {} of {} ended with exit status {}", id, backlog.relativize(source), exit);
    }

    /** The run's documents and crashes in the service's log. */
    private static final class Logged implements ImportListener {

        private final String id;

        Logged(String id) {
            this.id = id;
        }

        @Override
        public void document(Map<String, Object> line) {
            if ("failed".equals(line.get("status"))) {
                log.warn("import run {}: {} (pages {}) failed: {}", id, line.get("input"), line.get("inputPages"),
                        line.get("error"));
            } else if (!Boolean.TRUE.equals(line.get("skipped"))) {
                log.info("import run {}: {} (pages {}) -> {}", id, line.get("input"), line.get("inputPages"),
                        line.get("output"));
            }
        }

        @Override
        public void notice(String message) {
            log.warn("import run {}: {}", id, message);
        }
    }

    /** The runs started by accounts whose agency {@code visible} accepts (null: a system-wide administrator). */
    public List<Run> list(Predicate<String> visible) throws IOException {
        if (!Files.isDirectory(runs)) {
            return List.of();
        }
        List<Run> list = new ArrayList<>();
        try (Stream<Path> folders = Files.list(runs)) {
            for (Path folder : folders.filter(Files::isDirectory).sorted(Comparator.reverseOrder()).toList()) {
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
        Map<String, Integer> pages = new HashMap<>();
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
                    case "plan" -> {
                        planned += entry.path("documents").size();
                        for (JsonNode document : entry.path("documents")) {
                            pages.put(entry.path("batch").asText() + "/" + document.path("index").asText(),
                                    document.path("pages").size());
                        }
                    }
                    case "done" -> { done.add(key); failed.remove(key); }
                    case "failed" -> failed.add(key);
                    default -> { }
                }
            }
        }
        Path exitFile = folder.resolve("exit-code.txt");
        Integer exit = Files.exists(exitFile) ? Integer.valueOf(Files.readString(exitFile).strip()) : null;
        String state = running.getOrDefault(id, exit == null ? "stopped" : exit == 0 ? "finished" : "finished-with-errors");
        long pagesPlanned = pages.values().stream().mapToLong(Integer::longValue).sum();
        long pagesDone = done.stream().mapToLong(key -> pages.getOrDefault(key, 0)).sum();
        return new Run(id, input, agency, state, planned, done.size(), failed.size(), exit, pagesPlanned, pagesDone);
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
