package dev.hypersearch.scaleout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Worker processes (one thread each, from the packaged jar) that die or freeze mid-trial. Leases are long
 * (30 s) and made to run out on purpose by backdating them with SQL, so nothing here waits for a clock;
 * survivors reap every second. Killed workers are replaced as the tests go.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkerCrashIT {

    static final int MAX_ATTEMPTS = 3;
    static final Duration TIMEOUT = Duration.ofMinutes(3);

    Pg pg;
    final List<AppProcess> live = new ArrayList<>();
    final List<AppProcess> all = new ArrayList<>();
    int started;

    @BeforeAll
    void startWorkers() {
        pg = Pg.freshSchema();
        startWorker();
        startWorker();
        live.forEach(AppProcess::awaitWorkersStarted);
    }

    @AfterAll
    void stopWorkers() {
        all.forEach(AppProcess::close);
        if (pg != null) {
            pg.close();
        }
    }

    /** Starts a worker without waiting for it: callers that need it wait with awaitLiveWorkers. */
    AppProcess startWorker() {
        AppProcess p = AppProcess.startJar(pg.schema + "-worker-" + started++, AppProcess.workerArgs(pg, 1,
                "--hypersearch.heartbeat-seconds=1", "--hypersearch.lease-seconds=30",
                "--hypersearch.max-attempts=" + MAX_ATTEMPTS,
                // A worker frozen inside a transaction loses its connection (and row locks) after 3 s.
                "--hypersearch.idle-transaction-timeout=3s"));
        live.add(p);
        all.add(p);
        return p;
    }

    void awaitLiveWorkers() {
        live.forEach(AppProcess::awaitWorkersStarted);
    }

    record Running(long trialId, String workerId, AppProcess owner) {
    }

    /** Waits for a trial of the search (a given number, or any) to be RUNNING at this attempt with an epoch written. */
    Running awaitMidTraining(long searchId, Integer number, int attempt) {
        return Await.value(TIMEOUT, "a trial of search " + searchId + " mid-training at attempt " + attempt, () -> {
            List<Map<String, Object>> rows = pg.rows("SELECT t.id, t.worker_id FROM trial t WHERE t.search_id = ?"
                    + " AND t.status = 'RUNNING' AND t.attempt = ? AND (? < 0 OR t.number = ?)"
                    + " AND EXISTS (SELECT 1 FROM trial_epoch e WHERE e.trial_id = t.id) ORDER BY t.number",
                    searchId, attempt, number == null ? -1 : number, number == null ? -1 : number);
            for (Map<String, Object> r : rows) {
                String worker = (String) r.get("worker_id");
                Optional<AppProcess> owner = live.stream().filter(p -> worker.startsWith(p.workerIdPrefix())).findFirst();
                if (owner.isPresent()) {
                    return Optional.of(new Running(((Number) r.get("id")).longValue(), worker, owner.get()));
                }
            }
            return Optional.empty();
        });
    }

    /** Freezes the owner of a trial mid-training (SIGSTOP); retries on another trial if this one just ended. */
    Running freezeMidTraining(long searchId) {
        for (int tries = 0; tries < 10; tries++) {
            Running r = awaitMidTraining(searchId, null, 1);
            r.owner().signal("STOP");
            if (pg.count("SELECT COUNT(*) FROM trial WHERE id = ? AND status = 'RUNNING' AND worker_id = ?",
                    r.trialId(), r.workerId()) == 1) {
                return r;
            }
            r.owner().signal("CONT");
        }
        throw new AssertionError("no trial stayed running long enough to be frozen");
    }

    Map<String, Object> row(long trialId) {
        return pg.rows("SELECT status, val_loss, best_val_loss, val_accuracy, epochs_run, worker_id, attempt,"
                + " attempt_history, error, finished_at, lease_expires_at FROM trial WHERE id = ?", trialId).get(0);
    }

    List<Map<String, Object>> curve(long trialId) {
        return pg.rows("SELECT * FROM trial_epoch WHERE trial_id = ? ORDER BY epoch", trialId);
    }

    void awaitEnd(long searchId) {
        Await.until(TIMEOUT, "search " + searchId + " to end", () -> !"RUNNING".equals(pg.searchStatus(searchId)));
    }

    @Test
    @Order(1)
    void aKilledWorkersTrialIsRequeuedAfterItsLeaseAndCompletedByAnother() {
        int trials = 4;
        long id = Searches.submit(pg, Searches.spec("kill", "iris", trials, 200, 16, 16));
        Running victim = freezeMidTraining(id);
        victim.owner().kill9();
        live.remove(victim.owner());
        startWorker();

        // Without a heartbeat the lease would run out in 30 s; make that now.
        assertThat(pg.searchStatus(id)).isEqualTo("RUNNING");
        pg.expireLease(victim.trialId());
        awaitEnd(id);

        assertThat(pg.searchStatus(id)).isEqualTo("COMPLETED");
        assertThat(pg.statusCounts(id)).isEqualTo(Map.of("COMPLETED", (long) trials));
        Map<String, Object> t = row(victim.trialId());
        assertThat(t.get("attempt")).isEqualTo(2);
        assertThat((String) t.get("worker_id")).doesNotStartWith(victim.owner().workerIdPrefix());
        assertThat((String) t.get("attempt_history")).startsWith("attempt 1 on worker " + victim.workerId()
                + ": lease expired at ");
        assertThat(curve(victim.trialId())).hasSize(((Number) t.get("epochs_run")).intValue());
        assertThat(TrialLogs.resultsWritten(all, id).values()).hasSize(trials).containsOnly(1);
    }

    @Test
    @Order(2)
    void aFrozenWorkerResumedAfterLosingItsLeaseChangesNothing() {
        awaitLiveWorkers();
        int trials = 3;
        long id = Searches.submit(pg, Searches.spec("freeze", "iris", trials, 200, 16, 16));
        Running frozen = freezeMidTraining(id);
        try {
            pg.expireLease(frozen.trialId());
            Await.until(TIMEOUT, "trial " + frozen.trialId() + " to be completed by another worker",
                    () -> "COMPLETED".equals(pg.value("SELECT status FROM trial WHERE id = ?", frozen.trialId())));
            Map<String, Object> before = row(frozen.trialId());
            List<Map<String, Object>> curveBefore = curve(frozen.trialId());
            assertThat(before.get("attempt")).isEqualTo(2);
            assertThat((String) before.get("worker_id")).isNotEqualTo(frozen.workerId());

            frozen.owner().signal("CONT");
            frozen.owner().awaitLog("trial " + frozen.trialId() + " attempt 1: .*lease lost", TIMEOUT);

            assertThat(row(frozen.trialId())).isEqualTo(before);
            assertThat(curve(frozen.trialId())).isEqualTo(curveBefore);
        } finally {
            frozen.owner().signal("CONT");
        }
        awaitEnd(id);
        assertThat(pg.statusCounts(id)).isEqualTo(Map.of("COMPLETED", (long) trials));
        assertThat(TrialLogs.resultsWritten(all, id).values()).hasSize(trials).containsOnly(1);
        assertThat(frozen.owner().isAlive()).as("the resumed worker carries on").isTrue();
    }

    @Test
    @Order(3)
    void aTrialThatAlwaysCrashesItsWorkerFailsAfterTheRetryCapAndTheSearchFinishes() {
        awaitLiveWorkers();
        int trials = 5;
        // Trial 0 would train for ever: each worker that claims it is killed (kill -9) while it trains.
        long id = Searches.submit(pg, Searches.spec("crash", "iris", trials, 5, 8, 32),
                (number, params) -> {
                    if (number == 0) {
                        params.put("epochs", 1_000_000);
                    }
                    return params;
                });
        List<String> killed = new ArrayList<>();
        long crashy = -1;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            if (live.stream().noneMatch(AppProcess::isAlive) || live.isEmpty()) {
                startWorker();
            }
            Running r = awaitMidTraining(id, 0, attempt);
            crashy = r.trialId();
            r.owner().kill9();
            live.remove(r.owner());
            killed.add(r.workerId());
            if (live.isEmpty()) {
                startWorker();
            }
            pg.expireLease(crashy);
        }
        long trialId = crashy;
        Await.until(TIMEOUT, "the crashing trial to fail",
                () -> "FAILED".equals(pg.value("SELECT status FROM trial WHERE id = ?", trialId)));
        awaitEnd(id);

        assertThat(pg.searchStatus(id)).isEqualTo("COMPLETED");
        assertThat(pg.statusCounts(id)).isEqualTo(Map.of("COMPLETED", (long) trials - 1, "FAILED", 1L));
        Map<String, Object> t = row(trialId);
        assertThat(t.get("attempt")).isEqualTo(MAX_ATTEMPTS);
        String error = (String) t.get("error");
        assertThat(error).startsWith("gave up after attempt 3 of 3: every attempt lost its worker (");
        for (int i = 0; i < killed.size(); i++) {
            assertThat(error).contains("attempt " + (i + 1) + " on worker " + killed.get(i) + ": lease expired at ");
        }
        assertThat(pg.count("SELECT COUNT(*) FROM trial WHERE status IN ('QUEUED', 'RUNNING')")).isZero();
    }
}
