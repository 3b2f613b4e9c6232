package vn.sohoa.app.config;

import java.util.Map;
import java.util.function.Function;

/**
 * SOHOA_LOG_FORMAT=json switches the service's logs to one JSON object a line (Spring Boot structured logging,
 * ECS unless SOHOA_LOG_STRUCTURED names another of Spring's formats: logstash, gelf); anything else keeps text.
 */
public final class LogFormat {

    private LogFormat() {
    }

    /** The Spring properties for the format the environment asks for; empty for text. */
    public static Map<String, Object> properties(Function<String, String> environment) {
        String format = environment.apply("SOHOA_LOG_FORMAT");
        if (format == null || !format.strip().equalsIgnoreCase("json")) {
            return Map.of();
        }
        String structured = environment.apply("SOHOA_LOG_STRUCTURED");
        return Map.of("logging.config", "classpath:logback-json.xml",
                "logging.structured.format.console", structured == null || structured.isBlank() ? "ecs" : structured.strip());
    }
}
