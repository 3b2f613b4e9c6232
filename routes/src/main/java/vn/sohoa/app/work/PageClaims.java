package vn.sohoa.app.work;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
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
 *
 * <p>A restart of PostgreSQL ends every session, and so every lock, while the workers go on reading. So each
 * claim is also a row of {@code page_claim}: the start of PostgreSQL its lock was taken in, renewed every
 * {@code lease / 6} by the process that holds it. A consumer that gets the lock and finds a row of the same
 * start takes the page (its holder died); a row of an earlier start that is still renewed means the holder
 * reads on, and the consumer waits for it as it would for the lock; one not renewed for {@code lease} (counted
 * from PostgreSQL's start, so that an outage longer than the lease does not count against the holder) means the
 * holder died too, and the page is taken.
 */
@Component
public class PageClaims implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PageClaims.class);
    private static final Duration POLL = Duration.ofMillis(500);
    static final Duration LEASE = Duration.ofSeconds(30);

    private final DataSourceProperties database;
    private final TransientRetry retry;
    private final Duration lease;
    /** The claims this process holds, renewed while held. */
    private final Set<UUID> held = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService renewals;
    private Connection renewing;

    @Autowired
    public PageClaims(DataSourceProperties database, TransientRetry retry) {
        this(database, retry, LEASE);
    }

    PageClaims(DataSourceProperties database, TransientRetry retry, Duration lease) {
        this.database = database;
        this.retry = retry;
        this.lease = lease;
        this.renewals = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "sohoa-page-claims");
            thread.setDaemon(true);
            return thread;
        });
        long every = Math.max(100, lease.toMillis() / 6);
        renewals.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
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
        UUID claim = UUID.randomUUID();
        boolean[] waited = {false};
        return retry.call("claiming " + what, () -> {
            Connection session = open();
            try {
                boolean locked = false;
                while (!(locked = locked || tryLock(session, document, page))
                        || !takeRow(session, document, page, claim)) {
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
            held.add(claim);
            return () -> release(session, document, page, claim);
        });
    }

    /**
     * Writes this claim in the page's row, holding its lock: true unless the row is another claim's from an
     * earlier start of PostgreSQL that its holder still renews.
     */
    private boolean takeRow(Connection session, UUID document, int page, UUID claim) throws SQLException {
        try (PreparedStatement take = session.prepareStatement("""
                insert into page_claim (work_document_id, number, claim, held_in, held_at)
                values (?, ?, ?, pg_postmaster_start_time(), now())
                on conflict (work_document_id, number) do update
                    set claim = excluded.claim, held_in = excluded.held_in, held_at = excluded.held_at
                    where page_claim.held_in = pg_postmaster_start_time()
                        or greatest(page_claim.held_at, pg_postmaster_start_time())
                            < now() - make_interval(secs => ?)""")) {
            take.setObject(1, document);
            take.setInt(2, page);
            take.setObject(3, claim);
            take.setDouble(4, lease.toMillis() / 1000.0);
            return take.executeUpdate() == 1;
        }
    }

    /** Tells PostgreSQL that the claims held here are still reading (in a session of its own, opened again as needed). */
    private synchronized void renew() {
        if (held.isEmpty()) {
            return;
        }
        try {
            if (renewing == null || renewing.isClosed()) {
                renewing = open();
            }
            try (PreparedStatement renew = renewing.prepareStatement(
                    "update page_claim set held_at = now() where claim = any(?)")) {
                renew.setArray(1, renewing.createArrayOf("uuid", held.toArray()));
                renew.executeUpdate();
            }
        } catch (SQLException | RuntimeException e) {
            log.debug("renewing {} page claims: {}", held.size(), e.getMessage());
            if (renewing != null) {
                closeQuietly(renewing);
                renewing = null;
            }
        }
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

    /**
     * Deletes the claim's row and lets the lock go. When the session is gone (PostgreSQL restarted), so is the
     * lock, and the row is deleted in a new session; when that fails too, the row stays unrenewed, and the next
     * consumer takes the page once the lease has run out.
     */
    private void release(Connection session, UUID document, int page, UUID claim) {
        held.remove(claim);
        try {
            deleteRow(session, claim);
            try (PreparedStatement unlock = session.prepareStatement("select pg_advisory_unlock(?, ?)")) {
                unlock.setInt(1, key(document));
                unlock.setInt(2, page);
                unlock.execute();
            }
        } catch (SQLException e) {
            log.debug("releasing the claim on page {} of {}: {}", page, document, e.getMessage());
            try (Connection again = open()) {
                deleteRow(again, claim);
            } catch (SQLException | RuntimeException again) {
                log.debug("deleting the claim on page {} of {}: {}", page, document, again.getMessage());
            }
        } finally {
            closeQuietly(session);
        }
    }

    private static void deleteRow(Connection session, UUID claim) throws SQLException {
        try (PreparedStatement delete = session.prepareStatement("delete from page_claim where claim = ?")) {
            delete.setObject(1, claim);
            delete.executeUpdate();
        }
    }

    /** Stops renewing: the claims still held then are left to their sessions and their lease. */
    @Override
    public synchronized void destroy() {
        renewals.shutdownNow();
        if (renewing != null) {
            closeQuietly(renewing);
            renewing = null;
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
