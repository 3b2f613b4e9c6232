package vn.sohoa.app.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Files left where they are after a transient failure, and when each may be tried again: the pause doubles
 * from {@code initial} up to {@code max} while the failures go on, and is forgotten once the file goes through.
 */
public final class RetryPause {

    private record Pause(Instant notBefore, Duration last) {
    }

    private final Duration initial;
    private final Duration max;
    private final Clock clock;
    private final Map<String, Pause> pauses = new ConcurrentHashMap<>();
    private final AtomicLong failures = new AtomicLong();

    public RetryPause(Duration initial, Duration max, Clock clock) {
        this.initial = initial;
        this.max = max;
        this.clock = clock;
    }

    /** Records a transient failure of {@code key}; returns how long it now waits. */
    public Duration failed(String key) {
        failures.incrementAndGet();
        Pause pause = pauses.compute(key, (k, previous) -> {
            Duration next = previous == null ? initial : previous.last().multipliedBy(2);
            if (next.compareTo(max) > 0) {
                next = max;
            }
            return new Pause(clock.instant().plus(next), next);
        });
        return pause.last();
    }

    public void succeeded(String key) {
        pauses.remove(key);
    }

    public boolean mayTry(String key) {
        Pause pause = pauses.get(key);
        return pause == null || !clock.instant().isBefore(pause.notBefore());
    }

    /** Files waiting for another try. */
    public int waiting() {
        return pauses.size();
    }

    /** Transient failures since the start. */
    public long failures() {
        return failures.get();
    }
}
