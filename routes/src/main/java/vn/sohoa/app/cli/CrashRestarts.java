package vn.sohoa.app.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A long import survives a native crash. Tesseract, Leptonica and OpenCV run inside the JVM, and a fault in
 * any of them kills the whole process: a 2,000-page import died after 400 pages once and after 1,400 pages
 * another time (heap corruption found by glibc, cause not found). So {@code sohoa import}, when started as
 * the program ({@code bin/sohoa}, {@link SohoaCommand#main}), digitizes in a child JVM and starts it again
 * after such a death. The child goes on from {@link ImportJournal}: finished documents stay finished, the
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

    private static volatile String[] mainArguments;

    private final List<String> arguments;
    private final Path outputDir;
    private final int maxRestarts;
    private final PrintStream out;
    private final PrintStream err;
    private volatile boolean stopping;
    private volatile Process child;

    CrashRestarts(List<String> arguments, Path outputDir, int maxRestarts, PrintStream out, PrintStream err) {
        this.arguments = List.copyOf(arguments);
        this.outputDir = outputDir;
        this.maxRestarts = maxRestarts;
        this.out = out;
        this.err = err;
    }

    /** Called by {@link SohoaCommand#main}: this JVM is the program, and can start another like it. */
    static void launchedWith(String[] arguments) {
        mainArguments = arguments.clone();
    }

    /** The arguments {@code sohoa} was started with, when it was started as the program. */
    static Optional<List<String>> mainArguments() {
        String[] arguments = mainArguments;
        return arguments == null ? Optional.empty() : Optional.of(List.of(arguments));
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
                Process started = new ProcessBuilder(childCommand(runStart))
                        .redirectInput(ProcessBuilder.Redirect.INHERIT)
                        .redirectError(ProcessBuilder.Redirect.INHERIT)
                        .start();
                child = started;
                Thread pump = pumpOutput(started);
                int exitCode = started.waitFor();
                pump.join();
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
                if (crashes > maxRestarts || withoutProgress >= CRASHES_WITHOUT_PROGRESS) {
                    err.println(why + ". Đã dừng " + crashes + " lần, không chạy lại nữa."
                            + " Chạy lại đúng lệnh này để tiếp tục: tài liệu đã xong sẽ được bỏ qua.");
                    return exitCode;
                }
                err.println(why + "; chạy lại lần " + crashes + "/" + maxRestarts
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
     * The child's stdout copied to this one line by line, except the summary the JVM prints there when it
     * dies of a fatal error ("# A fatal error has been detected ...", every line starting with '#'), which
     * goes to stderr: stdout carries the --json lines other tools read.
     */
    private Thread pumpOutput(Process process) {
        Thread pump = new Thread(() -> {
            try (java.io.BufferedReader lines = new java.io.BufferedReader(new java.io.InputStreamReader(
                    process.getInputStream(), java.nio.charset.StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    (line.startsWith("#") ? err : out).println(line);
                }
            } catch (IOException e) {
                err.println("sohoa import: " + e.getMessage());
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

    /**
     * This JVM again (same java, same JVM options, same jar or class path), with the import's arguments and
     * where this run's entries start in the journal; the crash report of a fatal error goes to the output
     * folder, where the archivist looks.
     */
    private List<String> childCommand(int runStart) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add("-XX:ErrorFile=" + outputDir.toAbsolutePath().resolve("hs_err_pid%p.log"));
        String classPath = System.getProperty("java.class.path");
        if (classPath.endsWith(".jar") && !classPath.contains(java.io.File.pathSeparator)
                && System.getProperty("sun.java.command", "").startsWith(classPath)) {
            command.addAll(List.of("-jar", classPath));
        } else {
            command.addAll(List.of("-cp", classPath, SohoaCommand.class.getName()));
        }
        int subcommand = arguments.indexOf("import");
        command.addAll(arguments.subList(0, subcommand + 1));
        command.add(ImportCommand.WORKER_OPTION + "=" + runStart);
        command.addAll(arguments.subList(subcommand + 1, arguments.size()));
        return command;
    }
}
