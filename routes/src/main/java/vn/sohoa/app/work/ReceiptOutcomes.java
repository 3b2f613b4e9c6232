package vn.sohoa.app.work;

import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Waits, for a caller that must answer with the document (an upload), until the workers have recorded or
 * rejected the scan it queued, wherever they run: the outcome is read from the records.
 */
@Component
public class ReceiptOutcomes {

    private static final long POLL_MS = 200;

    private final WorkStore work;

    public ReceiptOutcomes(WorkStore work) {
        this.work = work;
    }

    /** The outcome of a scan queued with a dossier, or empty when there is none within {@code timeout}. */
    public Optional<WorkStore.Outcome> await(ScanJob scan, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<WorkStore.Outcome> outcome = work.outcome(scan.dossierCode(), scan.sha256(), scan.scanId());
            if (outcome.isPresent() || System.nanoTime() > deadline) {
                return outcome;
            }
            Thread.sleep(POLL_MS);
        }
    }
}
