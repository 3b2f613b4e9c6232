package vn.sohoa.app.cli;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** The result of a task whose own failures are already outcomes, so anything else it throws is a bug. */
final class Outcomes {

    private Outcomes() {
    }

    static <T> T await(Future<T> task) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
