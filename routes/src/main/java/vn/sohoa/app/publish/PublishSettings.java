package vn.sohoa.app.publish;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code sohoa.publish.*}: how often a message the broker returns or refuses is tried before
 * it goes to the dead-letter queue, the retry backoff, the dead-letter queue's name, and whether the default
 * queue dead-letters what its consumers reject (RabbitMQ's x-dead-letter-exchange; the embedded broker has none).
 */
@ConfigurationProperties("sohoa.publish")
public record PublishSettings(@DefaultValue("5") int maxAttempts,
                              @DefaultValue("1s") Duration retryInitial,
                              @DefaultValue("5m") Duration retryMax,
                              @DefaultValue("sohoa.results.dlq") String deadLetterQueue,
                              @DefaultValue("true") boolean consumerDeadLettering) {

    public RetryBackoff backoff() {
        return new RetryBackoff(retryInitial, retryMax);
    }
}
