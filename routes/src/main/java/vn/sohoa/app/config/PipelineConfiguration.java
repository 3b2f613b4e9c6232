package vn.sohoa.app.config;

import java.io.IOException;
import java.nio.file.Files;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.sohoa.pipeline.Digitizer;
import vn.sohoa.pipeline.DigitizerSettings;

/**
 * The one Digitizer of the process, sized to the cores, held to sohoa.limits.*, signing when
 * sohoa.signing.* is set, a page's OCR bounded by sohoa.ocr.time-limit, and the folders under SOHOA_HOME.
 */
@Configuration
public class PipelineConfiguration {

    @Bean(destroyMethod = "close")
    public Digitizer digitizer(SohoaProperties properties, LimitsProperties limits, SigningProperties signing,
            @org.springframework.beans.factory.annotation.Value("${sohoa.ocr.time-limit:120s}") java.time.Duration ocrTimeLimit)
            throws IOException {
        Files.createDirectories(properties.inboxDir());
        Files.createDirectories(properties.originalsDir());
        Files.createDirectories(properties.pdfDir());
        DigitizerSettings settings = DigitizerSettings.defaults().withOcrThreads(properties.effectiveOcrThreads())
                .withLimits(limits.toIntakeLimits()).withOcrTimeLimit(ocrTimeLimit);
        return new Digitizer(signing.settings().map(settings::withSigning).orElse(settings));
    }
}
