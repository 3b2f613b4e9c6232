package vn.sohoa.app.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * {@code sohoa serve} as a process of its own JVM (the test's class path), for tests that kill it with SIGKILL
 * or run several: one OCR thread, HTTP on a free port, its output in {@code <home>/<name>.log}.
 */
public final class ServeProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path log;

    private ServeProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code sohoa serve ARGUMENTS} with SOHOA_HOME {@code home} and {@code environment} (the services,
     * the queues of the run, anything else), logging to {@code logs/<name>.log}.
     */
    public static ServeProcess start(Path home, Path logs, String name, Map<String, String> environment,
                                     String... arguments) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // C1 only: the start (Spring, Camel, Flyway) compiles less on the few cores tests share; OCR is native
        List<String> command = new ArrayList<>(List.of(java, "-Xmx1g", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"),
                "vn.sohoa.app.cli.SohoaCommand", "serve"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.put("SOHOA_HOME", home.toString());
        env.put("SOHOA_PORT", "0");
        env.put("SOHOA_OCR_THREADS", "1");
        env.put("OMP_THREAD_LIMIT", "1");
        env.put("MALLOC_ARENA_MAX", "2");
        env.putAll(environment);
        Files.createDirectories(logs);
        Path log = logs.resolve(name + ".log");
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        return new ServeProcess(name, builder.start(), log);
    }

    public String name() {
        return name;
    }

    public boolean alive() {
        return process.isAlive();
    }

    public Path log() {
        return log;
    }

    /** Its exit status, once it has exited on its own; throws while it runs. */
    public int exitCode() {
        return process.exitValue();
    }

    /** SIGKILL (kill -9 on Linux): no shutdown hook, no graceful anything; returns once it is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGSTOP: the process stops where it is, its connections open, until {@link #resume()} or a kill. */
    public void freeze() throws IOException, InterruptedException {
        signal("STOP");
    }

    /**
     * Waits until {@code seen} (this process in the middle of something), freezes it, and keeps it frozen when
     * {@code seen} still holds 300 ms later (a commit already sent has landed by then); otherwise lets it go on
     * and waits again, up to 10 times. True when it is frozen in the middle; the caller then kills it.
     */
    public boolean freezeWhen(String what, Duration timeout, BooleanSupplier seen, ServeProcess... watched)
            throws IOException, InterruptedException {
        for (int look = 0; look < 10; look++) {
            await(what, timeout, seen, watched);
            freeze();
            Thread.sleep(300);
            if (seen.getAsBoolean()) {
                return true;
            }
            resume();
        }
        return false;
    }

    /** SIGCONT after {@link #freeze()}. */
    public void resume() throws IOException, InterruptedException {
        signal("CONT");
    }

    private void signal(String signal) throws IOException, InterruptedException {
        int exit = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start().waitFor();
        if (exit != 0) {
            throw new IOException("kill -" + signal + " " + process.pid() + " exited with " + exit);
        }
    }

    /** SIGTERM, as systemctl stop: returns once it has stopped (killed after 90 s). */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            kill();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    /** The last lines of its log. */
    public String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return "--- " + name + " (" + log + ")\n" + String.join("\n", all.subList(Math.max(0, all.size() - lines),
                    all.size()));
        } catch (IOException e) {
            return "--- " + name + ": no log (" + e.getMessage() + ")";
        }
    }

    /** Waits until {@code condition} holds; fails, with the logs' tails, when one of {@code processes} exits first. */
    public static void await(String what, Duration timeout, BooleanSupplier condition, ServeProcess... processes)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            for (ServeProcess p : processes) {
                if (!p.alive()) {
                    throw new AssertionError(p.name + " exited (" + p.process.exitValue() + ") before " + what + "\n"
                            + tails(processes));
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting until " + what + "\n" + tails(processes));
            }
            Thread.sleep(50);
        }
    }

    private static String tails(ServeProcess... processes) {
        StringBuilder out = new StringBuilder();
        for (ServeProcess p : processes) {
            out.append(p.tail(40)).append('\n');
        }
        return out.toString();
    }
}
