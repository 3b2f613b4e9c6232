package vn.sohoa.app.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.support.GenericApplicationContext;
import vn.sohoa.app.config.EmbeddedDatabase;
import vn.sohoa.app.intake.RetrySettings;
import vn.sohoa.app.records.MachineServices;

/**
 * Page claims on a real PostgreSQL, an embedded one of this test's so that it can be restarted (the machine's
 * serves other work): the same page claimed twice waits for the first claim, other pages do not, a claim whose
 * session dies (its worker died) lets the page go, and a claim held across a restart of PostgreSQL is waited for
 * while its holder renews it, and only then.
 */
class PageClaimsTest {

    private static final String PASSWORD = "mat-khau-co-so-du-lieu";

    private static final Duration STILL_WAITING = Duration.ofMillis(1500);
    private static final Duration LEASE = Duration.ofSeconds(3);
    private static final long LIVENESS_S = 20;

    @TempDir
    static Path dir;

    private static int port;
    private static EmbeddedDatabase embedded;
    private static String url;

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private TransientRetry retry;
    private PageClaims claims;

    @BeforeAll
    static void database() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        embedded = EmbeddedDatabase.start(dir.resolve("postgres"), port, PASSWORD);
        // the password in the URL too, for MachineServices.count, which passes none of its own
        url = embedded.jdbcUrl() + "&password=" + PASSWORD;
        Flyway.configure().dataSource(url, "postgres", PASSWORD).locations("classpath:db/migration").load().migrate();
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        embedded.close();
    }

    private static void restartDatabase() throws Exception {
        embedded.close();
        embedded = EmbeddedDatabase.start(dir.resolve("postgres"), port, PASSWORD);
    }

    @BeforeEach
    void claims() {
        retry = new TransientRetry(new RetrySettings(Duration.ofMillis(100), Duration.ofSeconds(1)));
        claims = new PageClaims(claimsDatabase(), retry, LEASE);
    }

    private static DataSourceProperties claimsDatabase() {
        DataSourceProperties database = new DataSourceProperties();
        database.setUrl(url);
        database.setUsername("postgres");
        database.setPassword(PASSWORD);
        return database;
    }

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
        claims.destroy();
    }

    @Test
    void theSamePageClaimedAgainWaitsUntilTheFirstClaimLetsItGo() throws Exception {
        UUID document = UUID.randomUUID();
        PageClaims.Claim first = claims.take(document, 3);
        Future<PageClaims.Claim> second = claimWaiting(document, 3);
        first.close();
        second.get(LIVENESS_S, TimeUnit.SECONDS).close();
    }

    @Test
    void otherPagesAndOtherDocumentsAreNotHeldUp() throws Exception {
        UUID document = UUID.randomUUID();
        try (PageClaims.Claim held = claims.take(document, 1)) {
            threads.submit(() -> claims.take(document, 2)).get(LIVENESS_S, TimeUnit.SECONDS).close();
            threads.submit(() -> claims.take(UUID.randomUUID(), 1)).get(LIVENESS_S, TimeUnit.SECONDS).close();
        }
    }

    @Test
    void aClaimWhoseSessionDiesLetsThePageGo() throws Exception {
        UUID document = UUID.randomUUID();
        PageClaims.Claim dead = claims.take(document, 5);
        Future<PageClaims.Claim> waiting = claimWaiting(document, 5);
        assertThat(terminateHolder(document, 5)).as("the holding session found and ended").isTrue();
        waiting.get(LIVENESS_S, TimeUnit.SECONDS).close();
        dead.close(); // its session is gone: closing says nothing and throws nothing
    }

    @Test
    void aWaitEndsWhenTheServiceStops() throws Exception {
        UUID document = UUID.randomUUID();
        try (PageClaims.Claim held = claims.take(document, 1)) {
            Future<PageClaims.Claim> waiting = claimWaiting(document, 1);
            retry.onApplicationEvent(new ContextClosedEvent(new GenericApplicationContext()));
            assertThatThrownBy(() -> waiting.get(LIVENESS_S, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(TransientRetry.StoppingException.class);
        }
    }

    @Test
    void aClaimHeldAcrossARestartOfPostgresIsWaitedForWhileItsHolderRenewsIt() throws Exception {
        UUID document = UUID.randomUUID();
        PageClaims.Claim reading = claims.take(document, 7);
        Future<PageClaims.Claim> waiting = claimWaiting(document, 7);
        restartDatabase();
        // every lock is gone with the sessions; the waiting claim gets the lock and must still wait
        assertThatThrownBy(() -> waiting.get(LEASE.multipliedBy(2).toMillis(), TimeUnit.MILLISECONDS))
                .as("still waiting two leases after the restart").isInstanceOf(TimeoutException.class);
        assertThat(claimRows(document)).as("the holder's row, renewed").isEqualTo(1);
        reading.close();
        waiting.get(LIVENESS_S, TimeUnit.SECONDS).close();
        assertThat(claimRows(document)).as("each claim deletes its row when it lets the page go").isZero();
    }

    @Test
    void aClaimWhoseHolderStoppedDuringARestartIsTakenOnceItsLeaseRunsOut() throws Exception {
        UUID document = UUID.randomUUID();
        PageClaims elsewhere = new PageClaims(claimsDatabase(), retry, LEASE);
        elsewhere.take(document, 2);
        Future<PageClaims.Claim> waiting = claimWaiting(document, 2);
        elsewhere.destroy(); // its process is gone: nothing renews its claim any more
        restartDatabase();
        // the lease counts from PostgreSQL's start, so the outage itself does not use it up
        assertThatThrownBy(() -> waiting.get(LEASE.dividedBy(3).toMillis(), TimeUnit.MILLISECONDS))
                .as("not taken before the lease runs out").isInstanceOf(TimeoutException.class);
        waiting.get(LIVENESS_S, TimeUnit.SECONDS).close();
        assertThat(claimRows(document)).isZero();
    }

    private static long claimRows(UUID document) {
        return MachineServices.count(url, "select count(*) from page_claim where work_document_id = '" + document + "'");
    }

    /** A second claim of the page, taken on another thread, checked to be still waiting after a while. */
    private Future<PageClaims.Claim> claimWaiting(UUID document, int page) {
        Future<PageClaims.Claim> claim = threads.submit(() -> claims.take(document, page));
        assertThatThrownBy(() -> claim.get(STILL_WAITING.toMillis(), TimeUnit.MILLISECONDS))
                .as("the second claim waits").isInstanceOf(TimeoutException.class);
        return claim;
    }

    /** Ends the session that holds the page's advisory lock, as PostgreSQL does when its worker's machine dies. */
    private static boolean terminateHolder(UUID document, int page) throws Exception {
        try (Connection admin = DriverManager.getConnection(url, "postgres", PASSWORD);
             PreparedStatement terminate = admin.prepareStatement("""
                     select pg_terminate_backend(pid) from pg_locks
                     where locktype = 'advisory' and granted and classid = ? and objid = ? and objsubid = 2""")) {
            terminate.setInt(1, PageClaims.key(document));
            terminate.setInt(2, page);
            try (ResultSet result = terminate.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }
}
