package vn.sohoa.app.config;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings under {@code sohoa.*}; SOHOA_HOME is where everything is kept; the role is what this process does. */
@ConfigurationProperties("sohoa")
public record SohoaProperties(Path home, int ocrThreads, Inbox inbox, Outbox outbox, Results results, Role role) {

    public SohoaProperties {
        role = role == null ? Role.ALL : role;
    }

    public record Inbox(long pollDelayMs, long minAgeMs) {
    }

    public record Outbox(long pollDelayMs) {
    }

    public record Results(String exchange, String defaultQueue) {
    }

    public Path inboxDir() {
        return home.resolve("inbox");
    }

    public Path originalsDir() {
        return home.resolve("originals");
    }

    public Path pdfDir() {
        return home.resolve("pdf");
    }

    public int effectiveOcrThreads() {
        return ocrThreads > 0 ? ocrThreads : Runtime.getRuntime().availableProcessors();
    }
}
