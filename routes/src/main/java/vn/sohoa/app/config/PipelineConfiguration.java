package vn.sohoa.app.config;

import java.io.IOException;
import java.nio.file.Files;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.sohoa.pipeline.Digitizer;
import vn.sohoa.pipeline.DigitizerSettings;

/** The one Digitizer of the process, sized to the cores and held to sohoa.limits.*, and the folders under SOHOA_HOME. */
@Configuration
public class PipelineConfiguration {

    @Bean(destroyMethod = "close")
    public Digitizer digitizer(SohoaProperties properties, LimitsProperties limits) throws IOException {
        Files.createDirectories(properties.inboxDir());
        Files.createDirectories(properties.originalsDir());
        Files.createDirectories(properties.pdfDir());
        return new Digitizer(DigitizerSettings.defaults().withOcrThreads(properties.effectiveOcrThreads())
                .withLimits(limits.toIntakeLimits()));
    }
}
