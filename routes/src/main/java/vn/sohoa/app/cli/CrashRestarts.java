package vn.sohoa.app.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * A long import survives a native crash. Tesseract, Leptonica and OpenCV run inside the JVM, and a fault in
 * any of them kills the whole process: a 2,000-page import died after 400 pages once and after 1,400 pages
 * another time (heap corruption found by glibc, cause not found). So an import ({@code sohoa import} started
 * as the program, or a run from the web page) digitizes in a child JVM, {@code sohoa import} with exactly the
 * options of the {@link ImportService.Request} (signing as its settings say), and starts it again after such a death. The child goes on from {@link ImportJournal}: finished documents stay finished, the
 * documents that were in flight are recorded as {@code crashed} and done again. A document in flight at two
 * crashes in a row is not tried a third time in that run: it is reported failed, its pages untouched in the
 * batch (a scan that crashes the OCR every time must not stop the backlog behind it).
 */
final class CrashRestarts {

    /** 128 + the signal: SIGILL, SIGABRT (the JVM's own end after a fatal error), SIGBUS, SIGFPE, SIGKILL, SIGSEGV. */
    private static final Set<Integer> CRASHES = Set.of(132, 134, 135, 136, 137, 139);

    /** Crashes in a row with no document done or failed between them after which it stops trying. */
    static final int CRASHES_WITHOUT_PROGRESS = 3;

    /** A document in flight at this many crashes is reported failed instead of being tried again. */
    static final int CRASHES_PER_DOCUMENT = 2;

    /** JVM options a child must not repeat: a debugger's or an agent's port or files are this JVM's. */
    private static final List<String> NOT_FOR_THE_CHILD = List.of("-agentlib:", "-agentpath:", "-javaagent:",
            "-Xdebug", "-Xrunjdwp", "-XX:ErrorFile=");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile boolean launchedAsProgram;

    private final ImportService.Request request;
    private final Path outputDir;
    private final ImportListener listener;
    private volatile boolean stopping;
    private volatile Process child;

    CrashRestarts(ImportService.Request request, ImportListener listener) {
        this.request = request;
        this.outputDir = request.outputDir();
        this.listener = listener;
    }

    /** Called by {@link SohoaCommand#main}: this JVM is the program, not a test calling a command in-process. */
    static void launchedAsProgram() {
        launchedAsProgram = true;
    }

    static boolean isLaunchedAsProgram() {
        return launchedAsProgram;
    }

    static boolean isCrash(int exitCode) {
        return CRASHES.contains(exitCode);
    }

    /** Runs the import in child JVMs until one ends by itself; its exit status. */
    int run() throws IOException, InterruptedException {
        Thread onStop = new Thread(this::stopChild, "sohoa-import-stop");
        Runtime.getRuntime().addShutdownHook(onStop);
        try {
            ImportJournal before = ImportJournal.open(outputDir);
            int runStart = before.size();
            int concludedBefore = before.conclusions();
            int crashes = 0;
            int withoutProgress = 0;
            while (true) {
                ProcessBuilder builder = new ProcessBuilder(childCommand(runStart))
                        .redirectInput(ProcessBuilder.Redirect.PIPE)
                        .redirectError(ProcessBuilder.Redirect.INHERIT);
                builder.environment().putAll(childEnvironment());
                Process started = builder.start();
                child = started;
                Thread pump = pumpOutput(started);
                int exitCode;
                try {
                    exitCode = started.waitFor();
                    pump.join();
                } catch (InterruptedException e) {
                    // the caller gives up on the run (a service stopping): its child stops with it
                    stopChild();
                    throw e;
                }
                // the JVM's fatal error handler always leaves its report; it exits with 1 instead of
                // SIGABRT's 134 when core dumps are turned off (-XX:-CreateCoredumpOnCrash)
                Path report = outputDir.resolve("hs_err_pid" + started.pid() + ".log");
                if (stopping || !(isCrash(exitCode) || Files.exists(report))) {
                    return exitCode;
                }
                crashes++;
                ImportJournal journal = ImportJournal.open(outputDir);
                List<Map<String, Object>> lost = journal.crashed(exitCode);
                withoutProgress = journal.conclusions() > concludedBefore ? 1 : withoutProgress + 1;
                concludedBefore = journal.conclusions();
                String why = "sohoa import: tiến trình số hóa dừng đột ngột (mã thoát " + exitCode
                        + (Files.exists(report) ? ", báo cáo lỗi " + report : "") + ") khi đang làm " + lost.size()
                        + " tài liệu";
                if (crashes > request.restarts() || withoutProgress >= CRASHES_WITHOUT_PROGRESS) {
                    listener.notice(why + ". Đã dừng " + crashes + " lần, không chạy lại nữa."
                            + " Chạy lại đúng lệnh này để tiếp tục: tài liệu đã xong sẽ được bỏ qua.");
                    return exitCode;
                }
                listener.notice(why + "; chạy lại lần " + crashes + "/" + request.restarts()
                        + ", tiếp tục theo nhật ký (các tài liệu đang làm dở được làm lại).");
            }
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(onStop);
            } catch (IllegalStateException e) {
                // already shutting down
            }
        }
    }

    /**
     * The child's documents, one JSON line each on its stdout, given to the listener; anything else there (the
     * summary the JVM prints when it dies of a fatal error, "# A fatal error has been detected ...") is a notice.
     */
    private Thread pumpOutput(Process process) {
        Thread pump = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    Map<String, Object> document = line.startsWith("{") ? document(line) : null;
                    if (document != null) {
                        listener.document(document);
                    } else if (!line.isBlank()) {
                        listener.notice(line);
                    }
                }
            } catch (IOException e) {
                listener.notice("sohoa import: " + e.getMessage());
            }
        }, "sohoa-import-output");
        pump.start();
        return pump;
    }

    /**
     * This process is stopping (Ctrl-C, which reaches the child too, or a SIGTERM for this one alone): the
     * child is asked to stop as well (SIGTERM: it journals nothing half-done and says how to go on) and waited for.
     */
    private void stopChild() {
        stopping = true;
        Process running = child;
        if (running == null) {
            return;
        }
        try {
            running.destroy();
            if (!running.waitFor(60, TimeUnit.SECONDS)) {
                running.destroyForcibly();
            }
        } catch (InterruptedException e) {
            running.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, Object> document(String line) {
        try {
            return JSON.readValue(line, new TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * {@code sohoa import} in a JVM like this one (same java, its memory and other JVM options, the running
     * application's jar or class path), with exactly the request's options, JSON lines on stdout, and where
     * this run's entries start in the journal; never this process's own arguments (a service's are
     * {@code serve ...}). The crash report of a fatal error goes to the output folder, where the archivist looks.
     */
    List<String> childCommand(int runStart) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (NOT_FOR_THE_CHILD.stream().noneMatch(option::startsWith)) {
                command.add(option);
            }
        }
        command.add("-XX:ErrorFile=" + outputDir.toAbsolutePath().resolve("hs_err_pid%p.log"));
        command.addAll(application());
        command.addAll(List.of("import", ImportCommand.WORKER_OPTION + "=" + runStart,
                "--output-dir", outputDir.toAbsolutePath().toString(), "--threads", Integer.toString(request.threads()),
                "--json", "--restarts", "0"));
        if (request.blankSeparates()) {
            command.add("--blank-separates");
        }
        if (request.maxPages() != null) {
            command.addAll(List.of("--max-pages", request.maxPages().toString()));
        }
        request.settings().signing().ifPresent(signing -> command.addAll(SigningOptions.arguments(signing)));
        command.addAll(request.childOptions());
        command.add("--");
        request.inputs().forEach(input -> command.add(input.toAbsolutePath().toString()));
        return command;
    }

    /**
     * What the child needs in its environment besides this process's: the signing password, which a command
     * line would show to every user of the machine ({@code ps}).
     */
    Map<String, String> childEnvironment() {
        return request.settings().signing()
                .map(signing -> Map.of(SigningOptions.PASSWORD_VARIABLE, signing.password()))
                .orElse(Map.of());
    }

    /**
     * How to start the running application's {@link SohoaCommand}: {@code -jar} its jar when this JVM was started
     * with one whose manifest leads there (bin/sohoa's Spring Boot jar), else its class path and main class.
     */
    private static List<String> application() {
        String classPath = System.getProperty("java.class.path");
        if (classPath.endsWith(".jar") && !classPath.contains(File.pathSeparator)) {
            try (JarFile jar = new JarFile(classPath)) {
                Manifest manifest = jar.getManifest();
                String main = SohoaCommand.class.getName();
                if (manifest != null && (main.equals(manifest.getMainAttributes().getValue("Start-Class"))
                        || main.equals(manifest.getMainAttributes().getValue("Main-Class")))) {
                    return List.of("-jar", classPath);
                }
            } catch (IOException e) {
                // not a jar to start: its class path it is
            }
        }
        return List.of("-cp", classPath, SohoaCommand.class.getName());
    }
}
