package vn.sohoa.app.publish.example;

import java.util.HashSet;
import java.util.Set;

/** Handled ids in memory: for the runnable example and tests; forgotten at a restart, so not for production. */
public final class InMemoryProcessedMessages implements ProcessedMessages {

    private final Set<String> handled = new HashSet<>();

    @Override
    public synchronized boolean handleOnce(String messageId, Runnable effect) {
        if (handled.contains(messageId)) {
            return false;
        }
        effect.run();
        handled.add(messageId);
        return true;
    }
}
