package vn.sohoa.app.publish.example;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Handled message ids in a table of the consumer's own database, {@link #TABLE}, written in the same
 * transaction as the effect of the message: both commit or neither.
 */
public final class JdbcProcessedMessages implements ProcessedMessages {

    public static final String TABLE = """
            create table if not exists processed_message (
                message_id  text primary key,
                handled_at  timestamptz not null default now())""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    public JdbcProcessedMessages(JdbcTemplate jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    @Override
    public boolean handleOnce(String messageId, Runnable effect) {
        return Boolean.TRUE.equals(transaction.execute(status -> {
            if (jdbc.update("insert into processed_message (message_id) values (?) on conflict do nothing", messageId) == 0) {
                return false;
            }
            effect.run();
            return true;
        }));
    }
}
