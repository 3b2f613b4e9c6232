package vn.sohoa.app.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.sohoa.app.records.MachineServices;
import vn.sohoa.app.SharedCorpus;
import vn.sohoa.app.cli.ServeCommand;

/**
 * sohoa.limits.* set by an administrator reach the pipeline: files over them are quarantined with the
 * reason that names the limit, before any OCR.
 */
@Tag("e2e")
class IntakeLimitsEndToEndTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @TempDir
    Path home;

    @Test
    void filesOverTheConfiguredLimitsAreQuarantinedWithTheirReason() throws Exception {
        MachineServices services = new MachineServices();
        try {
            Map<String, Object> properties = services.properties();
            properties.put("sohoa.limits.max-file-bytes", "250KB");     // vietsample2.png is 315 KB
            properties.put("sohoa.limits.max-pages", 1);                // vietsample1.pdf has 2 pages
            properties.put("sohoa.limits.max-pixels-per-page", 10_000); // the 200x200 page below is 40,000
            try (ConfigurableApplicationContext context = ServeCommand.start(home, properties)) {
                JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
                Path dossier = Files.createDirectories(home.resolve("inbox/HS-2026-000900"));
                Files.copy(SharedCorpus.file("real-scans/vietsample2.png"), dossier.resolve("lon.png"));
                Files.copy(SharedCorpus.file("real-scans/vietsample1.pdf"), dossier.resolve("hai-trang.pdf"));
                java.awt.image.BufferedImage page = new java.awt.image.BufferedImage(200, 200,
                        java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
                javax.imageio.ImageIO.write(page, "png", home.resolve("nhieu-diem-anh.png").toFile());
                Files.move(home.resolve("nhieu-diem-anh.png"), dossier.resolve("nhieu-diem-anh.png"));

                await("the three files are quarantined", () -> jdbc.queryForObject(
                        "select count(*) from rejected_scan", Long.class) == 3);
                Map<String, String> reasons = new java.util.HashMap<>();
                jdbc.query("select original_name, reason from rejected_scan",
                        rs -> { reasons.put(rs.getString(1), rs.getString(2)); });
                assertThat(reasons).containsExactlyInAnyOrderEntriesOf(Map.of(
                        "lon.png", "TOO_LARGE",
                        "hai-trang.pdf", "TOO_MANY_PAGES",
                        "nhieu-diem-anh.png", "TOO_MANY_PIXELS"));
                assertThat(jdbc.queryForObject("select count(*) from document", Long.class)).isZero();
                await("the files leave the inbox", () -> {
                    try (var files = Files.list(dossier)) {
                        return files.findAny().isEmpty();
                    } catch (java.io.IOException e) {
                        return false;
                    }
                });
                try (var failed = Files.list(home.resolve("failed/HS-2026-000900"))) {
                    assertThat(failed.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".reason.txt")))
                            .hasSize(3);
                }
            }
        } finally {
            services.close();
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(100);
        }
    }
}
