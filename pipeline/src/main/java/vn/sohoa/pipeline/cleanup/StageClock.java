package vn.sohoa.pipeline.cleanup;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adds up the wall time of named pipeline stages, for the benchmark's per-stage report. {@link #NONE}
 * measures nothing and costs nothing; production uses it.
 */
public class StageClock {

    /** The clock that records nothing. */
    public static final StageClock NONE = new StageClock() {
        @Override
        public long start() {
            return 0;
        }

        @Override
        public void stop(String stage, long started) {
        }
    };

    private final Map<String, Long> nanos = new LinkedHashMap<>();

    public long start() {
        return System.nanoTime();
    }

    /** Adds the time since {@code started} (from {@link #start()}) to {@code stage}. */
    public synchronized void stop(String stage, long started) {
        nanos.merge(stage, System.nanoTime() - started, Long::sum);
    }

    /** Milliseconds per stage, in the order the stages were first seen. */
    public synchronized Map<String, Double> millis() {
        Map<String, Double> out = new LinkedHashMap<>();
        nanos.forEach((k, v) -> out.put(k, v / 1e6));
        return out;
    }
}
