package dev.hypersearch.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hypersearch.search.GridStrategy;
import dev.hypersearch.search.SearchLimits;
import dev.hypersearch.search.SearchSpec;
import dev.hypersearch.search.TrialStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Planned trials (issue 14): a search is stored with the trials it plans and no trial rows; claims create each
 * trial, numbered once, with the parameters its strategy gives that number. The same tests on H2 and PostgreSQL.
 */
abstract class PlannedTrialsContract {

    static final Duration LEASE = Duration.ofSeconds(30);

    @Autowired TrialQueue queue;
    @Autowired SearchLifecycle lifecycle;
    @Autowired TrialCounters counters;
    @Autowired TrialRepository trials;
    @Autowired JdbcTemplate jdbc;
    @Autowired ApplicationContext applicationContext;

    @BeforeEach
    void emptyDatabase() {
        StoreTables.empty(jdbc);
    }

    /** A grid of 10,000 x {@code l2Values} points (the benchmark's spec): 100 rates, 10 widths, 10 batch sizes. */
    static Map<String, Object> grid(int l2Values) {
        List<Double> rates = IntStream.range(0, 100).mapToObj(i -> 1e-4 * Math.pow(1000, i / 99.0)).toList();
        List<Double> l2 = IntStream.range(0, l2Values).mapToObj(i -> 1e-6 * (i + 1)).toList();
        Map<String, Object> space = Map.of("learningRate", Map.of("choice", rates),
                "hiddenUnits", Map.of("choice", List.of(8, 12, 16, 20, 24, 28, 32, 40, 48, 64)),
                "batchSize", Map.of("choice", List.of(16, 24, 32, 48, 64, 96, 128, 160, 192, 256)),
                "l2", Map.of("choice", l2), "epochs", 3);
        return Map.of("name", "grid", "dataset", "digits", "strategy", "grid", "seed", 1, "space", space);
    }

    static Map<String, Object> smallGrid() {
        return Map.of("name", "small", "dataset", "iris", "strategy", "grid", "seed", 3, "space",
                Map.of("hiddenUnits", Map.of("choice", List.of(8, 16, 24)), "learningRate",
                        Map.of("choice", List.of(0.01, 0.1))));
    }

    long submit(Map<String, Object> raw) {
        SearchSpec spec = SearchSpec.parse(raw, SearchLimits.NONE);
        FirstTrials first = FirstTrials.of(spec);
        return lifecycle.create(new SearchEntity(spec, SearchEntities.stored(raw), first.count(), Instant.now()), first)
                .getId();
    }

    long rows(long searchId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM trial WHERE search_id = ?", Long.class, searchId);
    }

    @Test
    void aMillionPointGridIsStoredAsOneSearchRowWithAMillionTrialsQueued() {
        long id = submit(grid(100));
        assertThat(rows(id)).isZero();
        assertThat(counters.of(id).get(TrialStatus.QUEUED)).isEqualTo(1_000_000L);
        assertThat(queue.depth()).isEqualTo(1_000_000L);

        ClaimedTrial first = queue.claim("w", LEASE).orElseThrow();
        assertThat(first.number()).isZero();
        assertThat(first.params()).isEqualTo(new GridStrategy(SearchSpec.parse(grid(100), SearchLimits.NONE).space(),
                null, 1).paramsFor(0));
        assertThat(rows(id)).isEqualTo(1L);
        assertThat(counters.of(id)).containsEntry(TrialStatus.QUEUED, 999_999L).containsEntry(TrialStatus.RUNNING, 1L);
    }

    @Test
    void claimsCreateEachTrialWithItsStrategysParametersInNumberOrder() {
        long id = submit(smallGrid());
        GridStrategy strategy = new GridStrategy(SearchSpec.parse(smallGrid()).space(), null, 3);
        for (int k = 0; k < 6; k++) {
            ClaimedTrial c = queue.claim("w", LEASE).orElseThrow();
            assertThat(c.number()).isEqualTo(k);
            assertThat(c.lease().attempt()).isEqualTo(1);
            assertThat(c.searchStatus()).isEqualTo(SearchStatus.RUNNING);
            assertThat(c.params()).isEqualTo(strategy.paramsFor(k));
            TrialEntity row = trials.findById(c.lease().trialId()).orElseThrow();
            assertThat(row.getStatus()).isEqualTo(TrialStatus.RUNNING);
            assertThat(row.getParams()).isEqualTo(c.params());
            assertThat(row.getNumber()).isEqualTo(k);
        }
        assertThat(queue.claim("w", LEASE)).isEmpty();
        assertThat(counters.of(id)).containsEntry(TrialStatus.QUEUED, 0L).containsEntry(TrialStatus.RUNNING, 6L);
    }

    @Test
    void aTrialHandedBackIsClaimedBeforeLaterPlannedOnesAndSearchesAlternate() {
        long a = submit(smallGrid());
        long b = submit(smallGrid());
        ClaimedTrial a0 = queue.claim("w", LEASE).orElseThrow();
        ClaimedTrial b0 = queue.claim("w", LEASE).orElseThrow();
        assertThat(queue.release(a0.lease())).isTrue();
        List<String> order = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ClaimedTrial c = queue.claim("w", LEASE).orElseThrow();
            order.add((c.searchId() == a ? "a" : "b") + c.number());
        }
        assertThat(b0.searchId()).isEqualTo(b);
        assertThat(order).containsExactly("a0", "a1", "b1", "a2", "b2");
        assertThat(rows(a)).isEqualTo(3L);
    }

    @Test
    void parallelClaimsCreateEveryPlannedNumberExactlyOnce() throws Exception {
        List<Integer> widths = IntStream.range(0, 20).map(i -> 8 + i).boxed().toList();
        List<Double> rates = IntStream.range(0, 20).mapToObj(i -> 0.001 * (i + 1)).toList();
        long a = submit(Map.of("name", "race", "dataset", "iris", "strategy", "grid", "seed", 5, "space", Map.of(
                "hiddenUnits", Map.of("choice", widths), "learningRate", Map.of("choice", rates))));
        int threads = 8;
        CyclicBarrier start = new CyclicBarrier(threads);
        ConcurrentLinkedQueue<ClaimedTrial> claimed = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < threads; w++) {
                String worker = "w" + w;
                futures.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    Optional<ClaimedTrial> c;
                    while ((c = queue.claim(worker, LEASE)).isPresent()) {
                        claimed.add(c.get());
                        assertThat(queue.finish(c.get().lease(), TestResults.holdout(TrialStatus.COMPLETED, 1, 1, 1,
                                0.9, 0.1, 1, 5, null))).isTrue();
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(claimed).extracting(ClaimedTrial::number)
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 400).boxed().toList());
        assertThat(jdbc.queryForList("SELECT number FROM trial WHERE search_id = ? ORDER BY number", Integer.class, a))
                .containsExactlyElementsOf(IntStream.range(0, 400).boxed().toList());
        assertThat(counters.of(a)).containsEntry(TrialStatus.COMPLETED, 400L).containsEntry(TrialStatus.RUNNING, 0L)
                .containsEntry(TrialStatus.QUEUED, 0L);
    }

    @Test
    void cancellingALargeSearchCancelsItsPlannedTrialsWithoutCreatingThem() {
        long id = submit(grid(10));
        ClaimedTrial running = queue.claim("w", LEASE).orElseThrow();
        ClaimedTrial handedBack = queue.claim("w", LEASE).orElseThrow();
        assertThat(queue.release(handedBack.lease())).isTrue();

        assertThat(lifecycle.cancel(id)).isTrue();
        assertThat(rows(id)).isEqualTo(2L);
        assertThat(trials.countBySearchIdAndStatus(id, TrialStatus.CANCELLED)).isEqualTo(1);
        assertThat(counters.of(id)).containsEntry(TrialStatus.QUEUED, 0L).containsEntry(TrialStatus.RUNNING, 1L)
                .containsEntry(TrialStatus.CANCELLED, 99_999L);
        assertThat(queue.claim("w", LEASE)).isEmpty();
        assertThat(queue.renew(running.lease(), LEASE)).isTrue();
    }

    @Test
    void plannedTrialRowsAreTheRowsClaimsHandingTheTrialsBackLeave() {
        long claimed = submit(smallGrid());
        List<ClaimedTrial> held = new ArrayList<>();
        for (Optional<ClaimedTrial> c = queue.claim("w", LEASE); c.isPresent(); c = queue.claim("w", LEASE)) {
            held.add(c.get());
        }
        held.forEach(c -> assertThat(queue.release(c.lease())).isTrue());
        long inserted = submit(smallGrid());

        assertThat(PlannedTrialRows.createAll(applicationContext)).isEqualTo(6);
        assertThat(queuedRows(inserted)).hasSize(6).isEqualTo(queuedRows(claimed));
        assertThat(counters.of(inserted)).isEqualTo(counters.of(claimed)).containsEntry(TrialStatus.QUEUED, 6L);
        assertThat(queue.claim("w", LEASE).orElseThrow().number()).isZero();
    }

    private List<Map<String, Object>> queuedRows(long searchId) {
        return jdbc.queryForList("SELECT number, CAST(params AS VARCHAR(4000)) AS params, status, stage, attempt,"
                + " worker_id, lease_expires_at FROM trial WHERE search_id = ? ORDER BY number", searchId);
    }

    @Test
    void cancellingMoreQueuedRowsThanABatchEndsEveryOneAndLeavesRunningTrialsRunning() {
        long id = submit(grid(1));
        ClaimedTrial running = queue.claim("w", LEASE).orElseThrow();
        int rows = PlannedTrialRows.createAll(applicationContext);
        assertThat(rows).isEqualTo(9_999).isGreaterThan(2 * SearchLifecycle.CANCEL_BATCH);
        GridStrategy strategy = new GridStrategy(SearchSpec.parse(grid(1), SearchLimits.NONE).space(), null, 1);
        for (int k : new int[] {1, 5_000, 5_001, 9_999}) { // each end of PlannedTrialRows' two batches
            assertThat(trials.findBySearchIdAndNumber(id, k).orElseThrow().getParams()).as("trial %d", k)
                    .isEqualTo(strategy.paramsFor(k));
        }

        assertThat(lifecycle.cancel(id)).isTrue();
        assertThat(trials.countBySearchIdAndStatus(id, TrialStatus.QUEUED)).isZero();
        assertThat(trials.countBySearchIdAndStatus(id, TrialStatus.CANCELLED)).isEqualTo(9_999);
        assertThat(counters.of(id)).containsEntry(TrialStatus.QUEUED, 0L).containsEntry(TrialStatus.RUNNING, 1L)
                .containsEntry(TrialStatus.CANCELLED, 9_999L);
        assertThat(queue.renew(running.lease(), LEASE)).isTrue();
        assertThat(queue.claim("w", LEASE)).isEmpty();
    }

    @Test
    void aSearchCompletesOnlyWhenEveryPlannedTrialWasCreatedAndEnded() {
        long id = submit(smallGrid());
        for (int i = 0; i < 6; i++) {
            ClaimedTrial c = queue.claim("w", LEASE).orElseThrow();
            queue.finish(c.lease(), TestResults.holdout(TrialStatus.COMPLETED, 0.5, 0.5, 1, 0.9, 0.1, 1, 5, null));
            assertThat(lifecycle.afterTrialEnded(id, TrialStatus.COMPLETED, 0.5, c.number()))
                    .isEqualTo(i < 5 ? SearchStatus.RUNNING : SearchStatus.COMPLETED);
            assertThat(lifecycle.completeFinishedSearches()).isZero();
        }
    }
}
