package vn.sohoa.app.intake;

import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code sohoa.intake.retry-initial} and {@code retry-max}: how long a file whose ingestion failed for a
 * passing reason (PostgreSQL down) waits in the inbox before it is tried again; the pause doubles up to max.
 */
@ConfigurationProperties("sohoa.intake")
public record RetrySettings(@DefaultValue("5s") Duration retryInitial, @DefaultValue("5m") Duration retryMax) {

    public RetryPause newPause() {
        return new RetryPause(retryInitial, retryMax, Clock.systemUTC());
    }
}
