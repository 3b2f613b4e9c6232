package vn.sohoa.app.publish.example;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Handled message ids in a table of the consumer's database:
 * {@code create table processed_message (message_id text primary key, handled_at timestamptz default now())}.
 * Call it inside the transaction that applies the message, so both commit or neither.
 */
public final class JdbcProcessedMessages implements ProcessedMessages {

    public static final String TABLE = """
            create table if not exists processed_message (
                message_id  text primary key,
                handled_at  timestamptz not null default now())""";

    private final JdbcTemplate jdbc;

    public JdbcProcessedMessages(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean markHandled(String messageId) {
        return jdbc.update("insert into processed_message (message_id) values (?) on conflict do nothing", messageId) == 1;
    }
}
