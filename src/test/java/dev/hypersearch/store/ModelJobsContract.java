package dev.hypersearch.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hypersearch.search.TestParams;
import dev.hypersearch.search.TrialParams;
import dev.hypersearch.search.TrialStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Model refit jobs on H2 and PostgreSQL alike: one model per trial, claimed once, written only under the lease,
 * requeued when the lease runs out (a worker crash) and FAILED with its history after the retry cap.
 */
abstract class ModelJobsContract {

    static final Duration LEASE = Duration.ofSeconds(30);

    @Autowired ModelJobs jobs;
    @Autowired SearchLifecycle lifecycle;
    @Autowired TrialQueue queue;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void emptyDatabase() {
        StoreTables.empty(jdbc);
    }

    ModelJobs.Source completedTrial() {
        TrialParams params = TestParams.defaultsWith("hiddenUnits", 4, "epochs", 2);
        Map<String, Object> raw = Map.of("name", "m", "dataset", "iris", "strategy", "grid", "seed", 5,
                "space", Map.of("hiddenUnits", 4, "epochs", 2));
        long searchId = lifecycle.create(SearchEntities.of(raw, 1, Instant.now()), List.of(params)).getId();
        ClaimedTrial t = queue.claim("w", LEASE).orElseThrow();
        assertThat(queue.finish(t.lease(), TestResults.holdout(TrialStatus.COMPLETED, 0.3, 0.3, 1, 0.9, 0.1, 1, 5,
                null))).isTrue();
        return new ModelJobs.Source(searchId, t.lease().trialId(), 0, 5, params, "iris", "classification", "alice");
    }

    void expire(long modelId) {
        jdbc.update("UPDATE model SET lease_expires_at = CURRENT_TIMESTAMP - INTERVAL '1' SECOND WHERE id = ?",
                modelId);
    }

    @Test
    void oneModelPerTrialClaimedOnceAndEndedOnlyUnderItsLease() {
        ModelJobs.Source source = completedTrial();
        ModelJobs.Created first = jobs.create(source);
        assertThat(first.created()).isTrue();
        ModelJobs.Created second = jobs.create(source);
        assertThat(second.created()).isFalse();
        assertThat(second.model().id()).isEqualTo(first.model().id());
        assertThat(second.model().params()).isEqualTo(source.params());
        assertThat(jobs.hasQueued()).isTrue();

        ClaimedModel claim = jobs.claim("a", LEASE).orElseThrow();
        assertThat(claim.lease().attempt()).isEqualTo(1);
        assertThat(jobs.claim("b", LEASE)).isEmpty();
        assertThat(jobs.hasQueued()).isFalse();
        assertThat(jobs.renew(claim.lease(), LEASE)).isTrue();

        ModelLease stale = new ModelLease(claim.lease().modelId(), "b", 1);
        assertThat(jobs.ready(stale, new byte[] {1}, Map.of("rows", 1), List.of(), null)).isFalse();
        assertThat(jobs.ready(claim.lease(), new byte[] {1, 2, 3}, Map.of("rows", 150), List.of(Map.of("name", "x")),
                List.of("a", "b"))).isTrue();
        ModelRecord ready = jobs.find(claim.lease().modelId()).orElseThrow();
        assertThat(ready.status()).isEqualTo("READY");
        assertThat(ready.classesJson()).contains("\"a\"", "\"b\"");
        assertThat(jobs.weights(ready.id())).hasValueSatisfying(w -> assertThat(w).containsExactly(1, 2, 3));
        assertThat(jobs.renew(claim.lease(), LEASE)).isFalse();

        assertThat(jobs.delete(ready.id())).isTrue();
        assertThat(jobs.find(ready.id())).isEmpty();
        assertThat(jobs.delete(ready.id())).isFalse();
    }

    @Test
    void anExpiredLeaseIsRequeuedAndTheLostWorkerWritesNothingThenTheCapFailsIt() {
        long id = jobs.create(completedTrial()).model().id();
        ClaimedModel lost = jobs.claim("crashed", LEASE).orElseThrow();
        expire(id);
        assertThat(jobs.reapExpired(2)).isEqualTo(1);
        assertThat(jobs.hasQueued()).isTrue();
        assertThat(jobs.failed(lost.lease(), "late")).isFalse();

        ClaimedModel retry = jobs.claim("next", LEASE).orElseThrow();
        assertThat(retry.lease().attempt()).isEqualTo(2);
        expire(id);
        assertThat(jobs.reapExpired(2)).isEqualTo(1);
        ModelRecord failed = jobs.find(id).orElseThrow();
        assertThat(failed.status()).isEqualTo("FAILED");
        assertThat(failed.error()).startsWith("gave up after attempt 2 of 2").contains("crashed", "next");
        assertThat(jobs.claim("any", LEASE)).isEmpty();
    }

    @Test
    void aReleasedJobGoesBackWithoutSpendingItsAttemptAndADeletedOneLosesItsLease() {
        long id = jobs.create(completedTrial()).model().id();
        ClaimedModel first = jobs.claim("stopping", LEASE).orElseThrow();
        assertThat(jobs.release(first.lease())).isTrue();
        ClaimedModel again = jobs.claim("other", LEASE).orElseThrow();
        assertThat(again.lease().attempt()).isEqualTo(1);
        assertThat(jobs.delete(id)).isTrue();
        assertThat(jobs.renew(again.lease(), LEASE)).isFalse();
        assertThat(jobs.failed(again.lease(), "gone")).isFalse();
    }
}
