package dev.hypersearch.scaleout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Four worker processes x eight threads and one api process, started from the packaged jar, sharing one
 * schema of the machine's PostgreSQL. Each test submits its own search; they run in order because they
 * share the processes (the SIGTERM test takes one worker away).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiProcessIT {

    static final int PROCESSES = 4;
    static final int THREADS = 8;
    static final Duration SEARCH_TIMEOUT = Duration.ofMinutes(4);

    Pg pg;
    final List<AppProcess> workers = new ArrayList<>();
    /** Every process that ever ran, for the logs. */
    final List<AppProcess> all = new ArrayList<>();
    AppProcess api;
    int apiPort;

    @BeforeAll
    void startProcesses() {
        pg = Pg.freshSchema();
        for (int i = 0; i < PROCESSES; i++) {
            workers.add(AppProcess.startJar(pg.schema + "-worker-" + i, AppProcess.workerArgs(pg, THREADS,
                    "--hypersearch.heartbeat-seconds=1", "--hypersearch.lease-seconds=30")));
        }
        all.addAll(workers);
        apiPort = Http.freePort();
        api = startApi("api-1");
        workers.forEach(AppProcess::awaitWorkersStarted);
        api.awaitStarted();
    }

    AppProcess startApi(String name) {
        List<String> args = new ArrayList<>(AppProcess.commonArgs(pg));
        args.add("--hypersearch.role=api");
        args.add("--server.port=" + apiPort);
        args.add("--spring.datasource.hikari.maximum-pool-size=4");
        AppProcess p = AppProcess.startJar(pg.schema + "-" + name, args);
        all.add(p);
        return p;
    }

    @AfterAll
    void stopProcesses() {
        all.forEach(AppProcess::close);
        if (pg != null) {
            pg.close();
        }
    }

    @Test
    @Order(0)
    void workerProcessesServeHealthButNotTheApi() {
        int port = workers.get(0).port();
        Http.Response api = Http.get(port, "/api/searches");
        assertThat(api.status()).isEqualTo(404);
        assertThat(api.body()).contains("hypersearch.role=worker");
        assertThat(Http.get(port, "/actuator/health").status()).isEqualTo(200);
        assertThat(Http.get(apiPort, "/actuator/health").status()).isEqualTo(200);
    }

    @Test
    @Order(1)
    void claimRaceEveryTrialCompletedExactlyOnce() {
        int trials = 2000;
        long id = Searches.submit(pg, Searches.trivial("race", trials));
        awaitEnd(id);

        assertThat(pg.searchStatus(id)).isEqualTo("COMPLETED");
        assertThat(pg.statusCounts(id)).isEqualTo(Map.of("COMPLETED", (long) trials));
        assertThat(pg.count("SELECT COUNT(*) FROM trial WHERE search_id = ? AND (attempt <> 1"
                + " OR attempt_history IS NOT NULL)", id)).as("trials that needed a second attempt").isZero();
        assertThat(pg.count("SELECT COUNT(*) FROM trial_epoch e JOIN trial t ON t.id = e.trial_id"
                + " WHERE t.search_id = ?", id)).isEqualTo(trials);
        Map<Long, Integer> written = TrialLogs.resultsWritten(all, id);
        assertThat(written).hasSize(trials);
        assertThat(written.values()).containsOnly(1);
        Set<String> processes = new HashSet<>();
        for (Map<String, Object> r : pg.rows("SELECT DISTINCT worker_id FROM trial WHERE search_id = ?", id)) {
            processes.add(((String) r.get("worker_id")).split("/")[0]);
        }
        assertThat(processes).as("processes that completed trials").hasSize(PROCESSES);
        for (AppProcess w : workers) {
            assertThat(w.log()).doesNotContainIgnoringCase("deadlock").doesNotContain(" ERROR ");
        }
    }

    @Test
    @Order(2)
    void sigtermHandsRunningTrialsBackAtOnce() {
        long id = Searches.submit(pg, Searches.spec("sigterm", "iris", 48, 150, 16, 32));
        AppProcess leaving = workers.get(PROCESSES - 1);
        String mine = leaving.workerIdPrefix() + "%";
        Await.until(Duration.ofMinutes(2), "a trial of " + leaving.name() + " to be mid-training",
                () -> pg.count("SELECT COUNT(*) FROM trial t WHERE t.search_id = ? AND t.status = 'RUNNING'"
                        + " AND t.worker_id LIKE ? AND EXISTS (SELECT 1 FROM trial_epoch e WHERE e.trial_id = t.id)",
                        id, mine) > 0);
        List<Long> held = pg.rows("SELECT id FROM trial WHERE search_id = ? AND status = 'RUNNING'"
                + " AND worker_id LIKE ?", id, mine).stream().map(r -> ((Number) r.get("id")).longValue()).toList();

        Duration exit = leaving.terminate(Duration.ofSeconds(25));
        workers.remove(leaving);

        assertThat(exit).as("exit well before a 30 s lease could expire").isLessThan(Duration.ofSeconds(25));
        assertThat(pg.count("SELECT COUNT(*) FROM trial WHERE status = 'RUNNING' AND worker_id LIKE ?", mine))
                .isZero();
        assertThat(leaving.log()).containsPattern("handing \\d+ running trials back to the queue")
                .contains("released to the queue").contains("workers stopped");
        awaitEnd(id);
        assertThat(pg.statusCounts(id)).isEqualTo(Map.of("COMPLETED", 48L));
        // Nothing waited for a lease: no attempt was lost, and the trials it held were finished by others.
        assertThat(pg.count("SELECT COUNT(*) FROM trial WHERE search_id = ? AND (attempt <> 1"
                + " OR attempt_history IS NOT NULL)", id)).isZero();
        for (long trial : held) {
            String worker = (String) pg.value("SELECT worker_id FROM trial WHERE id = ?", trial);
            if (!TrialLogs.resultsWritten(List.of(leaving), id).containsKey(trial)) {
                assertThat(worker).doesNotStartWith(leaving.workerIdPrefix());
            }
        }
        assertThat(TrialLogs.resultsWritten(all, id).values()).hasSize(48).containsOnly(1);
    }

    @Test
    @Order(3)
    void restartingTheApiProcessMidSearchLosesAndDuplicatesNothing() {
        int trials = 200;
        long id = Searches.submit(pg, Searches.spec("api-restart", "iris", trials, 20, 8, 32));
        awaitCompleted(id, 20);

        Duration exit = api.terminate(Duration.ofSeconds(30));
        assertThat(exit).isLessThan(Duration.ofSeconds(30));
        api = startApi("api-2");
        api.awaitStarted();
        Await.until(Duration.ofMinutes(1), "the new api process to be healthy",
                () -> Http.get(apiPort, "/actuator/health").status() == 200);

        awaitEnd(id);
        assertThat(pg.statusCounts(id)).isEqualTo(Map.of("COMPLETED", (long) trials));
        assertThat(pg.count("SELECT COUNT(*) FROM trial WHERE search_id = ? AND attempt <> 1", id)).isZero();
        assertThat(TrialLogs.resultsWritten(all, id).values()).hasSize(trials).containsOnly(1);
    }

    @Test
    @Order(4)
    void restartingPostgresqlMidSearchLosesAndDuplicatesNothing() {
        assumeTrue(PgCluster.version().isPresent(), "needs pg_ctlcluster to restart the machine's PostgreSQL");
        int trials = 300;
        long id = Searches.submit(pg, Searches.spec("pg-restart", "iris", trials, 20, 8, 32));
        awaitCompleted(id, 30);
        PgCluster.restart();

        awaitEnd(id);
        assertThat(pg.statusCounts(id)).isEqualTo(Map.of("COMPLETED", (long) trials));
        assertThat(pg.searchStatus(id)).isEqualTo("COMPLETED");
        assertThat(TrialLogs.resultsWritten(all, id).values()).hasSize(trials).containsOnly(1);
        assertThat(pg.count("SELECT COUNT(*) FROM trial t WHERE t.search_id = ? AND t.epochs_run <>"
                + " (SELECT COUNT(*) FROM trial_epoch e WHERE e.trial_id = t.id)", id))
                .as("trials whose curve is not exactly their epochs").isZero();
        assertThat(workers).allMatch(AppProcess::isAlive);
        assertThat(workers.stream().map(AppProcess::log)).anyMatch(log -> log.contains("reachable again"));
        assertThat(api.isAlive()).isTrue();
        Await.until(Duration.ofMinutes(1), "the api process to be healthy again",
                () -> Http.get(apiPort, "/actuator/health").status() == 200);
    }

    void awaitCompleted(long searchId, int atLeast) {
        Await.until(Duration.ofMinutes(2), atLeast + " completed trials of search " + searchId,
                () -> pg.count("SELECT COUNT(*) FROM trial WHERE search_id = ? AND status = 'COMPLETED'",
                        searchId) >= atLeast);
    }

    void awaitEnd(long searchId) {
        Await.until(SEARCH_TIMEOUT, "search " + searchId + " to end",
                () -> !"RUNNING".equals(pg.searchStatus(searchId)));
    }
}
