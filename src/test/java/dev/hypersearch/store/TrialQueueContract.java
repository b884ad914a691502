package dev.hypersearch.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import dev.hypersearch.search.TestParams;
import dev.hypersearch.search.TrialParams;
import dev.hypersearch.search.TrialStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The storage contract (as Optuna tests every storage backend alike): the same tests run on H2 and on
 * PostgreSQL through subclasses that only choose the database.
 */
abstract class TrialQueueContract {

    static final Duration LEASE = Duration.ofSeconds(30);

    @Autowired TrialQueue queue;
    @Autowired SearchLifecycle lifecycle;
    @Autowired TrialRepository trials;
    @Autowired JdbcTemplate jdbc;
    @Autowired PlatformTransactionManager transactions;

    @BeforeEach
    void emptyDatabase() {
        StoreTables.empty(jdbc);
    }

    long newSearch(int trialCount, Integer maxFailed) {
        List<TrialParams> params = IntStream.range(0, trialCount)
                .mapToObj(i -> TestParams.defaultsWith("learningRate", 0.001 * (i + 1), "hiddenUnits", 8 + i))
                .toList();
        Map<String, Object> spec = new java.util.HashMap<>(Map.of("name", "s", "dataset", "iris", "strategy", "grid",
                "seed", 1));
        if (maxFailed != null) {
            spec.put("maxFailedTrials", maxFailed);
        }
        SearchEntity s = SearchEntities.of(spec, trialCount, Instant.now());
        return lifecycle.create(s, params).getId();
    }

    TrialResult completed(double valLoss) {
        return TestResults.holdout(TrialStatus.COMPLETED, valLoss, valLoss, 1, 0.9, 0.1, 1, 5, null);
    }

    @Test
    void createdTrialsAreQueuedWithTheirParametersInNumberOrder() {
        long id = newSearch(5, null);
        List<TrialEntity> rows = trials.findAll().stream().filter(t -> t.getSearchId() == id)
                .sorted((a, b) -> a.getNumber() - b.getNumber()).toList();
        assertThat(rows).extracting(TrialEntity::getNumber).containsExactly(0, 1, 2, 3, 4);
        assertThat(rows).allMatch(t -> t.getStatus() == TrialStatus.QUEUED);
        assertThat(rows.get(3).getParams().hiddenUnits()).isEqualTo(11);
    }

    @Test
    void aClaimBringsTheParametersAndTheSearchsStatus() {
        long id = newSearch(2, null);
        ClaimedTrial first = queue.claim("w", LEASE).orElseThrow();
        assertThat(first.params().hiddenUnits()).isEqualTo(8);
        assertThat(first.params().learningRate()).isEqualTo(0.001);
        assertThat(first.searchStatus()).isEqualTo(SearchStatus.RUNNING);
        jdbc.update("UPDATE search SET status = 'CANCELLED', finished_at = CURRENT_TIMESTAMP WHERE id = ?", id);
        ClaimedTrial second = queue.claim("w", LEASE).orElseThrow();
        assertThat(second.params().hiddenUnits()).isEqualTo(9);
        assertThat(second.searchStatus()).isEqualTo(SearchStatus.CANCELLED);
    }

    @Test
    void claimsAlternateBetweenSearchesAndRunEachInOrder() {
        long a = newSearch(2, null);
        long b = newSearch(2, null);
        List<String> order = new ArrayList<>();
        Optional<ClaimedTrial> c;
        while ((c = queue.claim("w", LEASE)).isPresent()) {
            order.add((c.get().searchId() == a ? "a" : "b") + c.get().number());
        }
        assertThat(order).containsExactly("a0", "b0", "a1", "b1");
    }

    @Test
    void concurrentClaimsNeverHandOutATrialTwice() throws Exception {
        newSearch(200, null);
        ConcurrentLinkedQueue<Long> claimed = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < 8; w++) {
                String worker = "w" + w;
                futures.add(pool.submit(() -> {
                    Optional<ClaimedTrial> c;
                    while ((c = queue.claim(worker, LEASE)).isPresent()) {
                        claimed.add(c.get().lease().trialId());
                        assertThat(queue.finish(c.get().lease(), completed(1.0))).isTrue();
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(claimed).hasSize(200).doesNotHaveDuplicates();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM trial WHERE status = 'COMPLETED'", Long.class))
                .isEqualTo(200L);
    }

    @Test
    void aWorkerThatLostItsLeaseChangesNothing() {
        newSearch(1, null);
        ClaimedTrial first = queue.claim("slow", LEASE).orElseThrow();
        backdateLeases();
        assertThat(queue.reapExpired(3)).isEqualTo(1);
        ClaimedTrial second = queue.claim("fast", LEASE).orElseThrow();
        assertThat(second.lease().attempt()).isEqualTo(first.lease().attempt() + 1);

        assertThat(queue.recordEpoch(first.lease(), new EpochRow(1, 1, 1, 0.5, 3), LEASE)).isFalse();
        assertThat(queue.finish(first.lease(), completed(0.01))).isFalse();
        assertThat(queue.recordEpoch(second.lease(), new EpochRow(1, 2, 2, 0.5, 3), LEASE)).isTrue();
        assertThat(queue.finish(second.lease(), completed(2.0))).isTrue();

        TrialEntity t = trials.findById(first.lease().trialId()).orElseThrow();
        assertThat(t.getStatus()).isEqualTo(TrialStatus.COMPLETED);
        assertThat(t.getValLoss()).isEqualTo(2.0);
        assertThat(t.getWorkerId()).isEqualTo("fast");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM trial_epoch", Long.class)).isEqualTo(1L);
    }

    @Test
    void aFinishedTrialCannotBeFinishedAgain() {
        newSearch(1, null);
        ClaimedTrial c = queue.claim("w", LEASE).orElseThrow();
        assertThat(queue.finish(c.lease(), completed(1.0))).isTrue();
        assertThat(queue.finish(c.lease(), completed(0.5))).isFalse();
        assertThat(trials.findById(c.lease().trialId()).orElseThrow().getValLoss()).isEqualTo(1.0);
    }

    @Test
    void expiredLeasesAreRequeuedUpToTheRetryCapThenFailed() {
        newSearch(1, null);
        for (int attempt = 1; attempt <= 3; attempt++) {
            ClaimedTrial c = queue.claim("crashy", LEASE).orElseThrow();
            assertThat(c.lease().attempt()).isEqualTo(attempt);
            backdateLeases();
            queue.reapExpired(3);
        }
        TrialEntity t = trials.findAll().get(0);
        assertThat(t.getStatus()).isEqualTo(TrialStatus.FAILED);
        assertThat(t.getError()).contains("attempt 3 of 3")
                .contains("attempt 1 on worker crashy: lease expired at ")
                .contains("attempt 2 on worker crashy: lease expired at ")
                .contains("attempt 3 on worker crashy: lease expired at ");
        assertThat(t.getAttemptHistory().split("; ")).hasSize(3);
        assertThat(t.getFinishedAt()).isNotNull();
        assertThat(queue.claim("w", LEASE)).isEmpty();
    }

    @Test
    void twoFinishesOfOneTrialByDifferentLeasesLeaveOneResult() {
        newSearch(2, null);
        // Trial 0: the stale lease finishes after the current one; trial 1: before it.
        for (boolean staleFirst : new boolean[] {false, true}) {
            ClaimedTrial stale = queue.claim("stale", LEASE).orElseThrow();
            backdateLeases();
            queue.reapExpired(3);
            ClaimedTrial current = queue.claim("current", LEASE).orElseThrow();
            assertThat(current.lease().trialId()).isEqualTo(stale.lease().trialId());
            if (staleFirst) {
                assertThat(queue.finish(stale.lease(), completed(0.01))).isFalse();
            }
            assertThat(queue.finish(current.lease(), completed(0.5))).isTrue();
            assertThat(queue.finish(stale.lease(), completed(0.01))).isFalse();
            assertThat(queue.finish(current.lease(), completed(0.02))).isFalse();
            // Not even a lease naming the right worker with another attempt number can write.
            Lease forged = new Lease(current.lease().trialId(), "current", current.lease().attempt() + 1);
            assertThat(queue.finish(forged, completed(0.03))).isFalse();
            assertThat(queue.endedUnder(current.lease())).isTrue();
            assertThat(queue.endedUnder(stale.lease())).isFalse();

            TrialEntity t = trials.findById(current.lease().trialId()).orElseThrow();
            assertThat(t.getStatus()).isEqualTo(TrialStatus.COMPLETED);
            assertThat(t.getValLoss()).isEqualTo(0.5);
            assertThat(t.getWorkerId()).isEqualTo("current");
            assertThat(t.getAttempt()).isEqualTo(2);
            assertThat(t.getAttemptHistory()).startsWith("attempt 1 on worker stale: lease expired");
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM trial WHERE status = 'COMPLETED'", Long.class))
                .isEqualTo(2L);
    }

    @Test
    void aLeaseThatExpiredButWasNotYetReapedStillFinishesOnce() {
        newSearch(1, null);
        ClaimedTrial c = queue.claim("late", LEASE).orElseThrow();
        backdateLeases();
        assertThat(queue.finish(c.lease(), completed(0.4))).isTrue();
        assertThat(queue.reapExpired(3)).isZero();
        assertThat(queue.claim("other", LEASE)).isEmpty();
        assertThat(trials.findById(c.lease().trialId()).orElseThrow().getStatus()).isEqualTo(TrialStatus.COMPLETED);
    }

    @Test
    void theDatabaseRefusesTrialRowsInImpossibleStates() {
        long id = newSearch(1, null);
        // RUNNING without a lease, COMPLETED without an attempt, a lease on a queued trial, an unknown status.
        for (String set : List.of("status = 'RUNNING'", "status = 'COMPLETED', finished_at = CURRENT_TIMESTAMP",
                "lease_expires_at = CURRENT_TIMESTAMP", "status = 'DONE'", "status = 'FAILED'")) {
            assertThatThrownBy(() -> jdbc.update("UPDATE trial SET " + set + " WHERE search_id = ?", id))
                    .as(set).isInstanceOf(DataIntegrityViolationException.class);
        }
        ClaimedTrial c = queue.claim("w", LEASE).orElseThrow();
        assertThatThrownBy(() -> jdbc.update("UPDATE trial SET worker_id = NULL WHERE id = ?", c.lease().trialId()))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(queue.finish(c.lease(), completed(1.0))).isTrue();
    }

    @Test
    void handingATrialBackDropsItsPartialCurve() {
        newSearch(2, null);
        ClaimedTrial released = queue.claim("w", LEASE).orElseThrow();
        ClaimedTrial reaped = queue.claim("w", LEASE).orElseThrow();
        for (ClaimedTrial c : List.of(released, reaped)) {
            assertThat(queue.recordEpoch(c.lease(), new EpochRow(1, 1, 1, 0.5, 3), LEASE)).isTrue();
        }
        assertThat(queue.release(released.lease())).isTrue();
        backdateLeases();
        assertThat(queue.reapExpired(3)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM trial_epoch", Long.class)).isZero();
        for (int i = 0; i < 2; i++) {
            ClaimedTrial again = queue.claim("w2", LEASE).orElseThrow();
            assertThat(queue.recordEpoch(again.lease(), new EpochRow(1, 2, 2, 0.6, 3), LEASE)).isTrue();
            assertThat(queue.finish(again.lease(), completed(2.0))).isTrue();
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM trial_epoch", Long.class)).isEqualTo(2L);
    }

    @Test
    void theReaperSkipsARowLockedByAnotherTransactionInsteadOfWaiting() throws Exception {
        newSearch(1, null);
        ClaimedTrial c = queue.claim("w", LEASE).orElseThrow();
        backdateLeases();
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<?> holder = other.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(tx -> {
                jdbc.queryForList("SELECT id FROM trial WHERE id = ? FOR UPDATE", Long.class, c.lease().trialId());
                locked.countDown();
                try {
                    done.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(CompletableFuture.supplyAsync(() -> queue.reapExpired(3)).get(10, TimeUnit.SECONDS)).isZero();
            done.countDown();
            holder.get(10, TimeUnit.SECONDS);
        } finally {
            done.countDown();
            other.shutdownNow();
        }
        assertThat(queue.reapExpired(3)).isEqualTo(1);
    }

    @Test
    void reapingEveryRunningTrialAtStartupCountsTheAttempt() {
        newSearch(1, null);
        for (int attempt = 1; attempt <= 2; attempt++) {
            queue.claim("w", LEASE).orElseThrow();
            assertThat(queue.reapAllRunning(2)).isEqualTo(1);
        }
        TrialEntity t = trials.findAll().get(0);
        assertThat(t.getStatus()).isEqualTo(TrialStatus.FAILED);
        assertThat(t.getError()).contains("attempt 2 of 2");
    }

    @Test
    void aLiveLeaseIsNotReaped() {
        newSearch(1, null);
        ClaimedTrial c = queue.claim("w", LEASE).orElseThrow();
        assertThat(queue.reapExpired(3)).isZero();
        assertThat(queue.renew(c.lease(), LEASE)).isTrue();
    }

    @Test
    void releasedTrialsGoBackToTheQueueWithoutSpendingAnAttempt() {
        newSearch(1, null);
        ClaimedTrial c = queue.claim("w", LEASE).orElseThrow();
        assertThat(queue.release(c.lease())).isTrue();
        ClaimedTrial again = queue.claim("w2", LEASE).orElseThrow();
        assertThat(again.lease().attempt()).isEqualTo(1);
    }

    @Test
    void theSearchCompletesWithItsBestTrialWhenTheLastTrialEnds() {
        long id = newSearch(3, null);
        double[] losses = {0.7, 0.2, 0.5};
        for (int i = 0; i < 3; i++) {
            ClaimedTrial c = queue.claim("w", LEASE).orElseThrow();
            queue.finish(c.lease(), completed(losses[c.number()]));
            SearchStatus status = lifecycle.afterTrialEnded(id, TrialStatus.COMPLETED, losses[c.number()], c.number());
            assertThat(status).isEqualTo(i < 2 ? SearchStatus.RUNNING : SearchStatus.COMPLETED);
        }
        Long best = jdbc.queryForObject("SELECT best_trial_id FROM search WHERE id = ?", Long.class, id);
        assertThat(trials.findById(best).orElseThrow().getNumber()).isEqualTo(1);
    }

    @Test
    void theWorkersShortcutAfterATrialEndedKeepsTheBestTrialAndEndsTheSearch() {
        long id = newSearch(6, 2);
        double[] losses = {0.7, 0.2, 0.5, 0.2, 0.1, Double.NaN};
        TrialStatus[] ends = {TrialStatus.COMPLETED, TrialStatus.COMPLETED, TrialStatus.COMPLETED,
                TrialStatus.COMPLETED, TrialStatus.DIVERGED, TrialStatus.COMPLETED};
        // Trial 4 diverges with a loss that would otherwise be the best; trial 3 ties trial 1 and loses on number.
        long[] expectedBest = {0, 1, 1, 1, 1, 1};
        for (int i = 0; i < 6; i++) {
            ClaimedTrial c = queue.claim("w", LEASE).orElseThrow();
            queue.finish(c.lease(), TestResults.holdout(ends[c.number()], losses[c.number()], losses[c.number()], 1,
                    0.9, 0.1, 1, 5, null));
            SearchStatus status = lifecycle.afterTrialEnded(id, ends[c.number()], losses[c.number()], c.number());
            assertThat(status).isEqualTo(i < 5 ? SearchStatus.RUNNING : SearchStatus.COMPLETED);
            Long best = jdbc.queryForObject("SELECT best_trial_id FROM search WHERE id = ?", Long.class, id);
            assertThat(trials.findById(best).orElseThrow().getNumber()).isEqualTo((int) expectedBest[i]);
        }
        long failing = newSearch(3, 1);
        ClaimedTrial c = queue.claim("w", LEASE).orElseThrow();
        queue.finish(c.lease(), TestResults.holdout(TrialStatus.FAILED, Double.NaN, Double.NaN, null, Double.NaN,
                Double.NaN, 0, 1, "boom"));
        assertThat(lifecycle.afterTrialEnded(failing, TrialStatus.FAILED, Double.NaN, c.number()))
                .isEqualTo(SearchStatus.FAILED);
        assertThat(trials.countBySearchIdAndStatus(failing, TrialStatus.CANCELLED)).isEqualTo(2);
    }

    @Test
    void cancellingStopsQueuedTrials() {
        long id = newSearch(4, null);
        ClaimedTrial running = queue.claim("w", LEASE).orElseThrow();
        assertThat(lifecycle.cancel(id)).isTrue();
        assertThat(lifecycle.statusOf(id)).isEqualTo(SearchStatus.CANCELLED);
        assertThat(trials.countBySearchIdAndStatus(id, TrialStatus.CANCELLED)).isEqualTo(3);
        assertThat(queue.claim("w", LEASE)).isEmpty();
        assertThat(queue.renew(running.lease(), LEASE)).isTrue();
    }

    @Test
    void theFailureBudgetFailsTheSearch() {
        long id = newSearch(5, 2);
        for (int i = 0; i < 2; i++) {
            ClaimedTrial c = queue.claim("w", LEASE).orElseThrow();
            queue.finish(c.lease(), TestResults.holdout(TrialStatus.DIVERGED, Double.NaN, Double.NaN, null,
                    Double.NaN, Double.NaN, 1, 1, "loss became NaN"));
            lifecycle.afterTrialEnded(id, TrialStatus.DIVERGED, Double.NaN, c.number());
        }
        assertThat(lifecycle.statusOf(id)).isEqualTo(SearchStatus.FAILED);
        assertThat(trials.countBySearchIdAndStatus(id, TrialStatus.CANCELLED)).isEqualTo(3);
        TrialEntity diverged = trials.findBySearchIdAndNumber(id, 0).orElseThrow();
        assertThat(diverged.getValLoss()).isNull();
        assertThat(diverged.getError()).isEqualTo("loss became NaN");
    }

    private void backdateLeases() {
        jdbc.update("UPDATE trial SET lease_expires_at = CURRENT_TIMESTAMP - INTERVAL '1' SECOND WHERE status = 'RUNNING'");
    }
}
