package vn.sohoa.app.ops;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;
import vn.sohoa.pipeline.Digitizer;
import vn.sohoa.pipeline.ocr.OcrSettings;

/** "ocr" in /actuator/health and readiness: the OCR models the Digitizer is set up with are there. */
@Component("ocr")
public class OcrHealthIndicator implements HealthIndicator {

    private final OcrSettings settings;

    public OcrHealthIndicator(Digitizer digitizer) {
        this.settings = digitizer.settings().ocr();
    }

    @Override
    public Health health() {
        Path tessdata = settings.tessdata();
        if (tessdata == null || !Files.isDirectory(tessdata)) {
            return Health.down().withDetail("tessdata", String.valueOf(tessdata)).withDetail("error", "no models folder")
                    .build();
        }
        List<String> missing = Arrays.stream(settings.language().split("\\+"))
                .filter(l -> !Files.isReadable(tessdata.resolve(l + ".traineddata"))).toList();
        Health.Builder health = missing.isEmpty() ? Health.up() : Health.down().withDetail("missing", missing);
        return health.withDetail("tessdata", tessdata.toString()).withDetail("language", settings.language()).build();
    }
}
