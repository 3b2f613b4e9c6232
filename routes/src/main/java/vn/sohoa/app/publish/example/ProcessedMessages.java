package vn.sohoa.app.publish.example;

/**
 * The consumer's memory of the message ids it has handled. Delivery is at least once, so a message id seen
 * before must be acknowledged and ignored. A dossier system keeps this in its own database, and marks the
 * id in the same transaction as the effect of the message (see {@link JdbcProcessedMessages}).
 */
public interface ProcessedMessages {

    /** Marks the id handled; true the first time, false when it was handled before. */
    boolean markHandled(String messageId);
}
