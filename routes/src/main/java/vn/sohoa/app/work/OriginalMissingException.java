package vn.sohoa.app.work;

import java.nio.file.Path;

/**
 * A worker cannot see a stored original: most often SOHOA_HOME/originals is not mounted (or not shared) on
 * it. Says nothing about the scan, so the worker holds the job and looks again after a pause rather than
 * reject it or spend its delivery limit; the other workers go on.
 */
public class OriginalMissingException extends RuntimeException {

    public OriginalMissingException(Path original) {
        super("the stored original " + original + " is not there: is SOHOA_HOME/originals shared with this worker?");
    }

    /** Throws unless {@code original} is a file this worker can read. */
    public static void requireStored(Path original) {
        if (!java.nio.file.Files.isRegularFile(original)) {
            throw new OriginalMissingException(original);
        }
    }
}
