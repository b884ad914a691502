package dev.hypersearch.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.CannotCreateTransactionException;

class DatabaseRetryTest {

    static final long FAR = Long.MAX_VALUE;

    @Test
    void connectionFailuresAreRetriedOthersAreNot() {
        assertThat(DatabaseRetry.isConnectionFailure(new CannotGetJdbcConnectionException("down"))).isTrue();
        assertThat(DatabaseRetry.isConnectionFailure(new CannotCreateTransactionException("no connection"))).isTrue();
        assertThat(DatabaseRetry.isConnectionFailure(new DataAccessResourceFailureException("x",
                new SQLException("terminating connection due to administrator command", "57P01")))).isTrue();
        assertThat(DatabaseRetry.isConnectionFailure(new RuntimeException(new SQLException("broken", "08006"))))
                .isTrue();
        assertThat(DatabaseRetry.isConnectionFailure(new RuntimeException(new ConnectException("refused"))))
                .isTrue();
        // Hibernate's failed rollback on a dead connection (Spring drops the original error for it).
        assertThat(DatabaseRetry.isConnectionFailure(new JpaSystemException(
                new org.hibernate.TransactionException("Unable to rollback against JDBC Connection")))).isTrue();

        assertThat(DatabaseRetry.isConnectionFailure(new DataIntegrityViolationException("check"))).isFalse();
        assertThat(DatabaseRetry.isConnectionFailure(new BadSqlGrammarException("t", "SELECT",
                new SQLException("syntax", "42601")))).isFalse();
        assertThat(DatabaseRetry.isConnectionFailure(new IllegalStateException("bug"))).isFalse();
    }

    @Test
    void aCallRidesOutAnOutage() {
        AtomicInteger tries = new AtomicInteger();
        String result = DatabaseRetry.call("test", System.nanoTime() + 10_000_000_000L, () -> false, () -> {
            if (tries.incrementAndGet() < 3) {
                throw new CannotGetJdbcConnectionException("down");
            }
            return "ok";
        });
        assertThat(result).isEqualTo("ok");
        assertThat(tries).hasValue(3);
    }

    @Test
    void itGivesUpAtTheDeadlineOrWhenAborted() {
        AtomicInteger tries = new AtomicInteger();
        assertThatThrownBy(() -> DatabaseRetry.call("test", System.nanoTime() + 250_000_000L, () -> false, () -> {
            tries.incrementAndGet();
            throw new CannotGetJdbcConnectionException("down");
        })).isInstanceOf(DatabaseRetry.GaveUp.class).hasMessageContaining("gave up on test");
        assertThat(tries.get()).isBetween(1, 3);

        AtomicInteger once = new AtomicInteger();
        assertThatThrownBy(() -> DatabaseRetry.call("test", FAR, () -> true, () -> {
            once.incrementAndGet();
            throw new CannotGetJdbcConnectionException("down");
        })).isInstanceOf(DatabaseRetry.GaveUp.class);
        assertThat(once).hasValue(1);
    }

    @Test
    void otherErrorsPassThroughAtOnce() {
        AtomicInteger tries = new AtomicInteger();
        assertThatThrownBy(() -> DatabaseRetry.call("test", FAR, () -> false, () -> {
            tries.incrementAndGet();
            throw new DataIntegrityViolationException("check");
        })).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(tries).hasValue(1);
    }

    @Test
    void workerBackoffDoublesUpToACapWithJitter() {
        for (int failures = 1; failures < 40; failures++) {
            long base = Math.min(WorkerPool.MAX_BACKOFF_MILLIS, 500L << Math.min(failures - 1, 20));
            assertThat(WorkerPool.backoffMillis(500, failures)).isBetween(base / 2, base);
        }
    }
}
