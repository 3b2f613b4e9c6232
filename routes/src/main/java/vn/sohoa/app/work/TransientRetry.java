package vn.sohoa.app.work;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.stereotype.Component;
import vn.sohoa.app.intake.RetryPause;
import vn.sohoa.app.intake.RetrySettings;
import vn.sohoa.app.intake.TransientFailure;

/**
 * A stage's step that fails for a passing reason (PostgreSQL down) is tried again in place after a pause that
 * doubles as the inbox's does ({@code sohoa.intake.retry-initial} to {@code retry-max}), the job still held
 * unacknowledged: no OCR already done is lost, and an outage does not spend the job's delivery limit as a
 * nack with requeue would on a quorum queue. An original this worker cannot see
 * ({@link OriginalMissingException}: the share not mounted) is waited for the same way. Gives up only when the
 * service stops, with
 * {@link StoppingException}, and the job goes back to the queue.
 */
@Component
public class TransientRetry implements ApplicationListener<ContextClosedEvent> {

    private static final Logger log = LoggerFactory.getLogger(TransientRetry.class);
    private static final long SLICE_MS = 200;

    private final RetrySettings settings;
    private volatile boolean stopping;

    public TransientRetry(RetrySettings settings) {
        this.settings = settings;
    }

    /** The service is stopping: a step waiting to be tried again gives up. */
    public static class StoppingException extends RuntimeException {
        StoppingException(String what) {
            super("stopping: " + what + " left for the next start");
        }
    }

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        stopping = true;
    }

    /** Runs {@code step} until it succeeds or fails for a reason that is not transient (then that is thrown). */
    public <T> T call(String what, Callable<T> step) throws Exception {
        RetryPause pause = settings.newPause();
        while (true) {
            try {
                return step.call();
            } catch (Exception e) {
                if (!TransientFailure.isTransient(e) && !(e instanceof OriginalMissingException)) {
                    throw e;
                }
                Duration wait = pause.failed(what);
                log.warn("{} failed and is tried again in {} s: {}", what, wait.toSeconds(), e.getMessage());
                sleep(what, wait);
            }
        }
    }

    /** The same for a step with no result. */
    public void run(String what, Step step) throws Exception {
        call(what, () -> {
            step.run();
            return null;
        });
    }

    /** A step that may throw. */
    @FunctionalInterface
    public interface Step {
        void run() throws Exception;
    }

    /**
     * Waits {@code wait} for {@code what}; throws {@link StoppingException} as soon as the service stops.
     */
    void sleep(String what, Duration wait) {
        long until = System.currentTimeMillis() + wait.toMillis();
        while (System.currentTimeMillis() < until) {
            if (stopping) {
                throw new StoppingException(what);
            }
            try {
                Thread.sleep(Math.min(SLICE_MS, Math.max(1, until - System.currentTimeMillis())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoppingException(what);
            }
        }
        if (stopping) {
            throw new StoppingException(what);
        }
    }
}
