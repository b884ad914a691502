package dev.hypersearch.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hypersearch.search.TestParams;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An epoch's write without a lease renewal (one INSERT ... SELECT that locks the trial's row): it needs the lease,
 * leaves its expiry alone, and writes nothing for a trial a reaper requeued while the write waited for the row. The
 * same tests on H2 and PostgreSQL, through subclasses that only choose the database.
 */
abstract class EpochWritesContract {

    static final Duration LEASE = Duration.ofSeconds(30);

    @Autowired TrialQueue queue;
    @Autowired SearchLifecycle lifecycle;
    @Autowired JdbcTemplate jdbc;
    @Autowired PlatformTransactionManager transactions;

    @BeforeEach
    void emptyDatabase() {
        StoreTables.empty(jdbc);
        Map<String, Object> raw = Map.of("name", "e", "dataset", "iris", "strategy", "grid", "seed", 1);
        lifecycle.create(SearchEntities.of(raw, 1, Instant.now()), List.of(TestParams.defaultsWith("epochs", 2)));
    }

    @Test
    void anEpochWrittenWithoutRenewalNeedsTheLeaseAndLeavesItsExpiry() {
        ClaimedTrial first = queue.claim("slow", LEASE).orElseThrow();
        String expiry = "SELECT lease_expires_at FROM trial WHERE id = ?";
        jdbc.update("UPDATE trial SET lease_expires_at = TIMESTAMP WITH TIME ZONE '2100-01-01 00:00:00+00'");
        Object before = jdbc.queryForObject(expiry, Object.class, first.lease().trialId());
        assertThat(queue.recordEpoch(first.lease(), new EpochRow(1, 1, 1, 0.5, 3))).isTrue();
        assertThat(jdbc.queryForObject(expiry, Object.class, first.lease().trialId())).isEqualTo(before);

        backdateLeases();
        assertThat(queue.reapExpired(3)).isEqualTo(1);
        ClaimedTrial second = queue.claim("fast", LEASE).orElseThrow();
        assertThat(queue.recordEpoch(first.lease(), new EpochRow(1, 1, 1, 0.5, 3))).isFalse();
        assertThat(queue.recordEpoch(second.lease(), new EpochRow(1, 2, 2, 0.5, 3))).isTrue();
        assertThat(jdbc.queryForList("SELECT train_loss FROM trial_epoch", Double.class)).containsExactly(2.0);
    }

    @Test
    void anEpochWriteThatWaitedForTheReaperWritesNothing() throws Exception {
        ClaimedTrial c = queue.claim("w", LEASE).orElseThrow();
        backdateLeases();
        CountDownLatch reaped = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> reaper = other.submit(() -> new TransactionTemplate(transactions).execute(tx -> {
                int n = queue.reapExpired(3);
                reaped.countDown();
                try {
                    commit.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return n;
            }));
            assertThat(reaped.await(10, TimeUnit.SECONDS)).isTrue();
            // The write's statement starts while the requeue is uncommitted, and waits for the trial's row.
            CompletableFuture<Boolean> write = CompletableFuture.supplyAsync(
                    () -> queue.recordEpoch(c.lease(), new EpochRow(1, 1, 1, 0.5, 3)));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!write.isDone() && lockWaits() == 0 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            commit.countDown();
            assertThat(reaper.get(10, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(write.get(10, TimeUnit.SECONDS)).isFalse();
        } finally {
            commit.countDown();
            other.shutdownNow();
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM trial_epoch", Long.class)).isZero();
    }

    /** Sessions of this database waiting for a lock. */
    private long lockWaits() {
        String product = jdbc.execute((ConnectionCallback<String>) con ->
                con.getMetaData().getDatabaseProductName());
        return jdbc.queryForObject("PostgreSQL".equals(product)
                ? "SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                        + " AND datname = current_database() AND query LIKE 'INSERT INTO trial_epoch%'"
                : "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID IS NOT NULL", Long.class);
    }

    private void backdateLeases() {
        jdbc.update("UPDATE trial SET lease_expires_at = CURRENT_TIMESTAMP - INTERVAL '1' SECOND WHERE status = 'RUNNING'");
    }
}
