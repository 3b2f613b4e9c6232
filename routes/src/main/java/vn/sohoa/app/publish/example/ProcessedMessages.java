package vn.sohoa.app.publish.example;

/**
 * The consumer's memory of the message ids it has handled. Delivery is at least once, so a message id seen
 * before must be acknowledged and ignored. Remembering the id and applying the message must succeed or fail
 * together: {@link JdbcProcessedMessages} does both in one transaction of the consumer's database.
 */
public interface ProcessedMessages {

    /**
     * Runs {@code effect} and remembers {@code messageId}, unless that id was handled before; true when the
     * effect ran. When the effect throws, the id is not remembered, so a redelivery applies it.
     */
    boolean handleOnce(String messageId, Runnable effect);
}
