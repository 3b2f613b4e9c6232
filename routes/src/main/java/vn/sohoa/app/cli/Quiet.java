package vn.sohoa.app.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/**
 * Command-line tools print their results, not library chatter: only warnings are logged. For a JVM that is
 * one such tool only; the service runs imports through {@link ImportService}, which leaves logging alone.
 */
final class Quiet {

    private Quiet() {
    }

    static void logging() {
        if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
            root.setLevel(Level.WARN);
        }
    }
}
