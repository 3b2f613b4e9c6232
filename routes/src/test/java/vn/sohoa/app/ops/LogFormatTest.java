package vn.sohoa.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.sohoa.app.config.LimitsProperties;
import vn.sohoa.app.config.LogFormat;
import org.springframework.util.unit.DataSize;
import vn.sohoa.pipeline.intake.IntakeLimits;

class LogFormatTest {

    @Test
    void jsonSwitchesToStructuredEcsLogsAndAnythingElseKeepsText() {
        assertThat(LogFormat.properties(Map.of("SOHOA_LOG_FORMAT", "json")::get))
                .containsEntry("logging.structured.format.console", "ecs")
                .containsEntry("logging.config", "classpath:logback-json.xml");
        assertThat(LogFormat.properties(Map.of("SOHOA_LOG_FORMAT", "JSON", "SOHOA_LOG_STRUCTURED", "logstash")::get))
                .containsEntry("logging.structured.format.console", "logstash");
        assertThat(LogFormat.properties(Map.of("SOHOA_LOG_FORMAT", "text")::get)).isEmpty();
        assertThat(LogFormat.properties(Map.<String, String>of()::get)).isEmpty();
    }

    @Test
    void limitsBecomeThePipelinesIntakeLimits() {
        assertThat(new LimitsProperties(DataSize.ofMegabytes(50), 200, 35_000_000L, Duration.ofSeconds(30))
                .toIntakeLimits())
                .isEqualTo(new IntakeLimits(50L << 20, 200, 35_000_000L, Duration.ofSeconds(30)));
    }

    @Test
    void backlogGaugesCountInboxFilesButNotPartialUploads(@org.junit.jupiter.api.io.TempDir java.nio.file.Path inbox)
            throws Exception {
        java.nio.file.Files.createDirectories(inbox.resolve("HS-1"));
        java.nio.file.Files.writeString(inbox.resolve("HS-1/a.png"), "x");
        java.nio.file.Files.writeString(inbox.resolve("HS-1/.upload.png"), "x");
        java.nio.file.Files.writeString(inbox.resolve("b.pdf"), "x");
        assertThat(BacklogGauges.filesIn(inbox)).isEqualTo(2.0);
        assertThat(BacklogGauges.filesIn(inbox.resolve("missing"))).isZero();
    }
}
