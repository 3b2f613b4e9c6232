package vn.sohoa.scanner.sane;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real saned for the tests, serving only SANE's "test" backend (virtual frontend-tester devices
 * test:0 and test:1) on 127.0.0.1 and a free port. The configuration comes from
 * {@code src/test/resources/saned/} (dll.conf, saned.conf, test.conf), copied into a private
 * SANE_CONFIG_DIR so the machine's own SANE setup is neither used nor touched.
 *
 * <p>When saned is missing, {@code install-saned.sh} tries to install it (Debian: sane-utils,
 * libsane1); when that fails too, the test is skipped with a message saying so.
 */
public final class SanedDaemon implements AutoCloseable {

    private static final List<Path> PLACES = List.of(Path.of("/usr/sbin/saned"), Path.of("/usr/bin/saned"),
            Path.of("/usr/local/sbin/saned"));

    private final Process process;
    private final Path configDir;
    private final int port;

    private SanedDaemon(Process process, Path configDir, int port) {
        this.process = process;
        this.configDir = configDir;
        this.port = port;
    }

    public static final String MISSING = "SANE test skipped: saned is not installed and install-saned.sh could not"
            + " install it (Debian: apt-get install -y sane-utils libsane1).";

    /**
     * Starts saned, or gives empty when saned cannot be found or installed: the tests then skip with
     * {@link #MISSING} (per test, so the reports show the reason).
     */
    public static Optional<SanedDaemon> start() throws IOException, InterruptedException {
        Optional<Path> found = findSaned().or(() -> {
            install();
            return findSaned();
        });
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Path saned = found.get();
        Path config = Files.createTempDirectory("sohoa-saned-");
        for (String file : List.of("dll.conf", "saned.conf", "test.conf")) {
            copyResource(file, config.resolve(file));
        }
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(saned.toString(), "-l", "-e", "-b", "127.0.0.1", "-p",
                Integer.toString(port));
        builder.environment().put("SANE_CONFIG_DIR", config.toString());
        builder.redirectErrorStream(true).redirectOutput(config.resolve("saned.log").toFile());
        Process process = builder.start();
        SanedDaemon daemon = new SanedDaemon(process, config, port);
        daemon.awaitListening(Duration.ofSeconds(10));
        return Optional.of(daemon);
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }

    public String log() {
        try {
            return Files.readString(configDir.resolve("saned.log"));
        } catch (IOException e) {
            return "(no saned log: " + e.getMessage() + ")";
        }
    }

    /** Kills the children serving the open connections, as a crashing saned would. */
    public void killConnections() throws InterruptedException {
        List<ProcessHandle> children = process.descendants().toList();
        if (children.isEmpty()) {
            throw new IllegalStateException("saned serves no connection: " + log());
        }
        children.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle child : children) {
            child.onExit().orTimeout(5, TimeUnit.SECONDS).join();
        }
    }

    @Override
    public void close() throws InterruptedException {
        // the per-connection children end when their clients disconnect; stray ones are ended after the
        // parent, so that the parent reaps the ones that end in time
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroy);
        try (var files = Files.list(configDir)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(configDir);
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }

    private void awaitListening(Duration limit) throws InterruptedException {
        Instant end = Instant.now().plus(limit);
        while (Instant.now().isBefore(end)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("saned stopped at start (exit " + process.exitValue() + "): " + log());
            }
            try (Socket socket = new Socket()) {
                socket.connect(address(), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        close();
        throw new IllegalStateException("saned did not listen on port " + port + " within " + limit.toSeconds() + " s: " + log());
    }

    private static Optional<Path> findSaned() {
        return PLACES.stream().filter(Files::isExecutable).findFirst();
    }

    private static void install() {
        try {
            Path script = Files.createTempFile("install-saned", ".sh");
            copyResource("install-saned.sh", script);
            Process install = new ProcessBuilder("sh", script.toString()).inheritIO().start();
            if (!install.waitFor(5, TimeUnit.MINUTES)) {
                install.destroyForcibly();
            }
            Files.deleteIfExists(script);
        } catch (IOException e) {
            // reported by the skipped test's message
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void copyResource(String name, Path target) {
        try (InputStream in = SanedDaemon.class.getResourceAsStream("/saned/" + name)) {
            if (in == null) {
                throw new IllegalStateException("Test resource saned/" + name + " is missing from the test classpath.");
            }
            Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
