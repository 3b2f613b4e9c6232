package vn.sohoa.app.ops;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;
import vn.sohoa.app.config.SohoaProperties;
import vn.sohoa.pipeline.Digitizer;
import vn.sohoa.pipeline.ocr.OcrSettings;

/**
 * "ocr" in /actuator/health and readiness: the OCR models the Digitizer is set up with are there. An intake
 * (role intake) reads no page and needs none.
 */
@Component("ocr")
public class OcrHealthIndicator implements HealthIndicator {

    private final OcrSettings settings;
    private final boolean reads;

    public OcrHealthIndicator(Digitizer digitizer, SohoaProperties properties) {
        // a model SoHoa ships is looked for where the engines load it from
        this.settings = vn.sohoa.pipeline.ocr.BundledModels.resolve(digitizer.settings().ocr());
        this.reads = properties.role().digitizes();
    }

    @Override
    public Health health() {
        if (!reads) {
            return Health.up().withDetail("role", "intake: reads no page").build();
        }
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
