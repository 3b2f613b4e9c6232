package vn.sohoa.app.work;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.stereotype.Component;

/**
 * Who is reading a page right now. A worker holds a PostgreSQL advisory lock on the page, in a session of its
 * own, from before it looks at the page until its reading is stored. The same job given out again while the
 * first consumer still reads it (the broker restarted and handed its unacknowledged jobs out anew; the first
 * consumer's channel is gone, not the consumer) then waits for that reading, and finds the page read, instead of
 * reading it a second time. A worker that dies loses its session, and the lock with it, so the job that comes
 * again is read at once; the session sets TCP keepalives short enough that PostgreSQL notices a machine gone
 * silent within about a minute. The sessions are opened outside the connection pool, so that the claims of many
 * page consumers never starve the rest of the service of connections.
 */
@Component
public class PageClaims {

    private static final Logger log = LoggerFactory.getLogger(PageClaims.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final DataSourceProperties database;
    private final TransientRetry retry;

    public PageClaims(DataSourceProperties database, TransientRetry retry) {
        this.database = database;
        this.retry = retry;
    }

    /** A page in hand; closing it lets the page go. */
    public interface Claim extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Takes the page, waiting while another consumer holds it (a passing failure of PostgreSQL is waited out;
     * the service stopping ends the wait with {@link TransientRetry.StoppingException}).
     */
    public Claim take(UUID document, int page) throws Exception {
        String what = "page " + page + " of " + document;
        boolean[] waited = {false};
        return retry.call("claiming " + what, () -> {
            Connection session = open();
            try {
                while (!tryLock(session, document, page)) {
                    if (!waited[0]) {
                        log.info("{} is being read by another consumer (its job was given out again); waiting for"
                                + " that reading", what);
                        waited[0] = true;
                    }
                    retry.sleep("waiting for the reading of " + what, POLL);
                }
            } catch (Exception | Error e) {
                closeQuietly(session);
                throw e;
            }
            if (waited[0]) {
                log.info("{} is free again", what);
            }
            return () -> release(session, document, page);
        });
    }

    private Connection open() throws SQLException {
        Connection session = DriverManager.getConnection(database.determineUrl(), database.determineUsername(),
                database.determinePassword());
        try (Statement settings = session.createStatement()) {
            settings.execute("set application_name = 'sohoa page claim'");
            settings.execute("set tcp_keepalives_idle = 20");
            settings.execute("set tcp_keepalives_interval = 10");
            settings.execute("set tcp_keepalives_count = 3");
        } catch (SQLException | RuntimeException e) {
            closeQuietly(session);
            throw e;
        }
        return session;
    }

    private static boolean tryLock(Connection session, UUID document, int page) throws SQLException {
        try (PreparedStatement lock = session.prepareStatement("select pg_try_advisory_lock(?, ?)")) {
            lock.setInt(1, key(document));
            lock.setInt(2, page);
            try (ResultSet result = lock.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }

    /** The advisory lock's first key: the document's id folded to 32 bits (a collision only makes two pages wait). */
    static int key(UUID document) {
        return document.hashCode();
    }

    private static void release(Connection session, UUID document, int page) {
        try (PreparedStatement unlock = session.prepareStatement("select pg_advisory_unlock(?, ?)")) {
            unlock.setInt(1, key(document));
            unlock.setInt(2, page);
            unlock.execute();
        } catch (SQLException e) {
            // the session is gone (PostgreSQL restarted): so is its lock
            log.debug("releasing the claim on page {} of {}: {}", page, document, e.getMessage());
        } finally {
            closeQuietly(session);
        }
    }

    private static void closeQuietly(Connection session) {
        try {
            session.close();
        } catch (SQLException e) {
            log.debug("closing a page claim's session: {}", e.getMessage());
        }
    }
}
