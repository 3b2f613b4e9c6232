package vn.sohoa.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What end-to-end tests of every package do around a running service: drop a file where it watches, count
 * rows of its database, reach its HTTP port. It depends on no test package, so that any of them may use it.
 */
public final class ServiceFixtures {

    private ServiceFixtures() {
    }

    /** Copies {@code file} into {@code folder} as {@code name}, under a dot name and renamed, as a scanner's upload would be. */
    public static void drop(Path file, Path folder, String name) throws IOException {
        drop(Files.readAllBytes(file), folder, name);
    }

    /** Writes {@code content} into {@code folder} as {@code name}, under a dot name and renamed, so it is never seen half written. */
    public static void drop(byte[] content, Path folder, String name) throws IOException {
        Files.createDirectories(folder);
        Path hidden = folder.resolve("." + name);
        Files.write(hidden, content);
        Files.move(hidden, folder.resolve(name));
    }

    /** A count in the database of a service running in this JVM. */
    public static long count(JdbcTemplate jdbc, String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    /** The base URL of a service running in this JVM, on the port it took. */
    public static String baseUrl(ConfigurableApplicationContext context) {
        return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    }
}
