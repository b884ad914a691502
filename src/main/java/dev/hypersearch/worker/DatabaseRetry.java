package dev.hypersearch.worker;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionException;

/**
 * Retries a database call through a lost connection (PostgreSQL restarting, a network blip) with exponential
 * backoff, until a deadline: past the trial's lease there is no point, the reaper will have requeued it.
 * Only connection-class failures are retried; a constraint violation or a bad statement fails at once.
 */
final class DatabaseRetry {

    private static final Logger log = LoggerFactory.getLogger(DatabaseRetry.class);
    static final long FIRST_BACKOFF_MILLIS = 100;
    static final long MAX_BACKOFF_MILLIS = 2_000;

    /** Thrown when the database stayed unreachable until the deadline (or the process is stopping). */
    static final class GaveUp extends RuntimeException {
        GaveUp(String what, RuntimeException last) {
            super("database unreachable, gave up on " + what + ": " + last, last);
        }
    }

    private DatabaseRetry() {
    }

    /**
     * @param what       for the log
     * @param deadline   System.nanoTime() after which it gives up
     * @param abort      gives up early when true (the process is handing its work back)
     */
    static <T> T call(String what, long deadline, BooleanSupplier abort, Supplier<T> action) {
        long backoff = FIRST_BACKOFF_MILLIS;
        int failures = 0;
        while (true) {
            try {
                T result = action.get();
                if (failures > 0) {
                    log.info("{}: database reachable again after {} failed tries", what, failures);
                }
                return result;
            } catch (RuntimeException e) {
                if (!isConnectionFailure(e)) {
                    throw e;
                }
                failures++;
                if (failures == 1) {
                    log.warn("{}: {}; retrying", what, e.toString());
                }
                if (abort.getAsBoolean() || System.nanoTime() + backoff * 1_000_000 > deadline) {
                    throw new GaveUp(what, e);
                }
                sleep(backoff);
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
            }
        }
    }

    /** Whether the failure means the database could not be reached or dropped the connection. */
    static boolean isConnectionFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof TransientDataAccessException
                    || t instanceof RecoverableDataAccessException || t instanceof CannotCreateTransactionException
                    || t instanceof TransactionException
                    || t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof IOException) {
                return true;
            }
            // Hibernate's "Unable to commit/rollback against JDBC Connection" (the connection died under the
            // transaction; Spring reports it as a JpaSystemException and drops the original error).
            if (t.getClass().getName().equals("org.hibernate.TransactionException")) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                // 08 connection exception, 53 insufficient resources, 57 operator intervention (admin shutdown),
                // 58 system error, 40001/40P01 serialization failure / deadlock (safe to retry a whole transaction).
                if (state.startsWith("08") || state.startsWith("53") || state.startsWith("57")
                        || state.startsWith("58") || state.equals("40001") || state.equals("40P01")) {
                    return true;
                }
            }
        }
        return false;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GaveUp("a retry", new IllegalStateException("interrupted while backing off"));
        }
    }
}
