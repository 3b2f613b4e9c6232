package vn.sohoa.app.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import vn.sohoa.pipeline.RejectedScanException;

class RetryPauseTest {

    private static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-11-22T03:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void theWaitDoublesUpToTheMaximumAndIsForgottenOnSuccess() {
        MutableClock clock = new MutableClock();
        RetryPause pause = new RetryPause(Duration.ofSeconds(5), Duration.ofSeconds(15), clock);
        assertThat(pause.mayTry("a")).isTrue();
        assertThat(pause.failed("a")).isEqualTo(Duration.ofSeconds(5));
        assertThat(pause.mayTry("a")).isFalse();
        assertThat(pause.mayTry("b")).as("other files are not held back").isTrue();
        clock.now = clock.now.plusSeconds(5);
        assertThat(pause.mayTry("a")).isTrue();
        assertThat(pause.failed("a")).isEqualTo(Duration.ofSeconds(10));
        assertThat(pause.failed("a")).isEqualTo(Duration.ofSeconds(15));
        assertThat(pause.failed("a")).isEqualTo(Duration.ofSeconds(15));
        assertThat(pause.waiting()).isEqualTo(1);
        assertThat(pause.failures()).isEqualTo(4);
        pause.succeeded("a");
        assertThat(pause.mayTry("a")).isTrue();
        assertThat(pause.waiting()).isZero();
    }

    @Test
    void aDatabaseOutageIsTransientAndABadFileIsNot() {
        assertThat(TransientFailure.isTransient(new CannotGetJdbcConnectionException("down",
                new SQLException("Connection refused", "08001")))).isTrue();
        assertThat(TransientFailure.isTransient(new DataAccessResourceFailureException("lost"))).isTrue();
        assertThat(TransientFailure.isTransient(new RuntimeException("wrapped",
                new SQLException("terminating connection due to administrator command", "57P01")))).isTrue();
        assertThat(TransientFailure.isTransient(new DataIntegrityViolationException("duplicate",
                new SQLException("duplicate key", "23505")))).isFalse();
        assertThat(TransientFailure.isTransient(new RejectedScanException(RejectedScanException.Reason.TOO_LARGE,
                "too large"))).isFalse();
        assertThat(TransientFailure.isTransient(null)).isFalse();
    }
}
