package vn.sohoa.app.cli;

import java.util.Map;

/** What an {@link ImportService} tells while it runs: each document's outcome, its progress, and crashes. */
public interface ImportListener {

    /**
     * A document done, skipped (finished by an earlier run) or failed, or an input that cannot be read: the
     * {@code sohoa ocr --json} line plus {@code dossierCode} and {@code inputPages} ({@code skipped: true} for one
     * finished before).
     */
    default void document(Map<String, Object> line) {
    }

    /** Pages read or digitized so far in {@code stage}, out of {@code total}. */
    default void progress(String stage, long done, long total) {
    }

    /** The process that digitizes died (a native crash), and whether it is started again. */
    default void notice(String message) {
    }
}
