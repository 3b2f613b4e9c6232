package vn.sohoa.app.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

/**
 * Failed sign-ins per client IP in a fixed window: over the limit, every sign-in from that IP is refused
 * before its password is checked. Kept in memory, at most {@link #MAX_CLIENTS} addresses (least recently
 * seen dropped first), so in a cluster each node counts its own.
 */
@Component
public class SignInThrottle {

    static final int MAX_CLIENTS = 10_000;

    private final int failures;
    private final Duration window;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Window> clients = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Window> eldest) {
            return size() > MAX_CLIENTS;
        }
    };

    public SignInThrottle(@Value("${sohoa.security.throttle.failures:30}") int failures,
                          @Value("${sohoa.security.throttle.window:10m}") Duration window) {
        this.failures = failures;
        this.window = window;
    }

    private record Window(Instant start, int failures) {
    }

    /** Refuses the client when it failed too often in its current window. */
    public synchronized void check(String clientIp) {
        Window current = clients.get(clientIp);
        Instant now = clock.instant();
        if (current != null && current.failures() >= failures && now.isBefore(current.start().plus(window))) {
            long seconds = Math.max(1, Duration.between(now, current.start().plus(window)).toSeconds());
            throw new Throttled(seconds);
        }
    }

    public synchronized void failed(String clientIp) {
        Window current = clients.get(clientIp);
        Instant now = clock.instant();
        clients.put(clientIp, current == null || !now.isBefore(current.start().plus(window))
                ? new Window(now, 1) : new Window(current.start(), current.failures() + 1));
    }

    /** Too many failed sign-ins from this client: answered 429 with Retry-After. */
    public static final class Throttled extends AuthenticationException {
        private final long retryAfterSeconds;

        Throttled(long retryAfterSeconds) {
            super("too many failed sign-ins from this address; retry after " + retryAfterSeconds + " s");
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
