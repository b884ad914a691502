package dev.hypersearch.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hypersearch.search.CoarseToFine;
import dev.hypersearch.search.Space;
import dev.hypersearch.search.StageStrategy;
import dev.hypersearch.search.TestParams;
import dev.hypersearch.search.TrialParams;
import dev.hypersearch.search.TrialStatus;
import dev.hypersearch.search.pruning.PeerResults;
import java.time.Duration;
import dev.hypersearch.search.pruning.PruneDecision;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What pruning, k-fold validation and coarse-to-fine need of the store, on every backend: peer curves for
 * pruners, pruning and fold records, and coarse-to-fine stages (advanced exactly once, never completed in
 * between, failed with no result to narrow to).
 */
abstract class PruningAndStagesStoreContract {

    static final Duration LEASE = Duration.ofSeconds(30);

    @Autowired TrialQueue queue;
    @Autowired SearchLifecycle lifecycle;
    @Autowired TrialRepository trials;
    @Autowired SearchStageRepository stages;
    @Autowired TrialFoldEpochRepository foldEpochs;
    @Autowired StoredPeerResults peers;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void emptyDatabase() {
        for (String table : List.of("trial_epoch", "trial_fold_epoch", "trial", "search_stage", "search_trial_count", "search")) {
            jdbc.update("DELETE FROM " + table);
        }
    }

    long plainSearch(int trialCount) {
        List<TrialParams> params = new ArrayList<>();
        for (int i = 0; i < trialCount; i++) {
            params.add(TestParams.defaultsWith("hiddenUnits", 8 + i));
        }
        Map<String, Object> spec = Map.of("name", "s", "dataset", "iris", "strategy", "random", "maxTrials", trialCount,
                "seed", 1);
        return lifecycle.create(SearchEntities.of(spec, trialCount, Instant.now()), params).getId();
    }

    static final Map<String, Object> COARSE = Map.of("stages", 2, "trialsPerStage", 4, "topFraction", 0.5);
    static final Map<String, Object> SPACE = Map.of(
            "learningRate", Map.of("floatRange", Map.of("min", 1e-4, "max", 1e-1, "log", true)),
            "hiddenUnits", Map.of("choice", List.of(8, 16, 32, 64)));

    long stagedSearch() {
        CoarseToFine plan = CoarseToFine.parse(COARSE);
        StageStrategy first = plan.stage(1, Space.parse(SPACE), 5L);
        List<TrialParams> params = new ArrayList<>();
        for (int k = 0; k < first.trialCount(); k++) {
            params.add(first.paramsFor(k));
        }
        Map<String, Object> spec = Map.of("name", "c2f", "dataset", "iris", "strategy", "coarse-to-fine", "seed", 5,
                "coarseToFine", COARSE, "space", SPACE);
        SearchEntity s = SearchEntities.of(spec, (int) plan.totalTrials(),
                Instant.now().truncatedTo(ChronoUnit.MICROS));
        return lifecycle.createStaged(s, new StageTrials(1, 0, first.describe().space(), params)).getId();
    }

    ClaimedTrial claim() {
        return queue.claim("w", LEASE).orElseThrow();
    }

    void complete(ClaimedTrial c, double valLoss) {
        assertThat(queue.finish(c.lease(), TestResults.holdout(TrialStatus.COMPLETED, valLoss, valLoss, 1, 0.9, 0.1, 1, 5,
                null))).isTrue();
    }

    void epochs(ClaimedTrial c, double... valLosses) {
        for (int e = 0; e < valLosses.length; e++) {
            queue.recordEpoch(c.lease(), new EpochRow(e + 1, 1.0, valLosses[e], 0.5, 1), LEASE);
        }
    }

    @Test
    void peerResultsReadTheOtherTrialsCurvesOfTheSameSearch() {
        long id = plainSearch(3);
        plainSearch(1); // another search's curve must not count
        ClaimedTrial t0 = claim();
        ClaimedTrial other = claim();
        ClaimedTrial t1 = claim();
        ClaimedTrial t2 = claim();
        assertThat(List.of(t0, t1, t2)).allMatch(c -> c.searchId() == id);
        epochs(t0, 0.9, 0.5, 0.7);
        epochs(t1, 0.8, 0.9);
        epochs(t2, 0.6);
        epochs(other, 0.01, 0.01, 0.01);
        PeerResults view = peers.forSearch(id);

        assertThat(view.valuesAtRung(1, 0)).containsExactlyInAnyOrder(0.8, 0.6);
        assertThat(view.valuesAtRung(2, 2)).containsExactlyInAnyOrder(0.5, 0.9);
        assertThat(view.valuesAtRung(3, 0)).isEmpty();
        // Best so far up to the epoch, only for trials that reached it.
        assertThat(view.bestValLossesAt(2, 2)).containsExactlyInAnyOrder(0.5, 0.8);
        assertThat(view.bestValLossesAt(3, 1)).containsExactly(0.5);
        assertThat(view.bestValLossesAt(1, 1)).containsExactlyInAnyOrder(0.9, 0.6);
    }

    @Test
    void aPrunedResultKeepsWhereAndWhyAndAFoldResultKeepsEachFoldsCurve() {
        long id = plainSearch(2);
        ClaimedTrial pruned = claim();
        epochs(pruned, 0.9, 0.8, 0.85);
        PruneDecision asha = new PruneDecision(true, "asha", 3, 1, 0.85, 0.6, "not in the top 1 of 3");
        assertThat(queue.finish(pruned.lease(), new TrialResult(TrialStatus.PRUNED, 0.85, 0.8, 2, 0.5, 1, 3, 9,
                asha.reason(), asha, null))).isTrue();
        ClaimedTrial folded = claim();
        List<List<EpochRow>> curves = List.of(
                List.of(new EpochRow(1, 1.0, 0.6, 0.7, 1), new EpochRow(2, 0.5, 0.4, 0.8, 2)),
                List.of(new EpochRow(1, 1.2, 0.8, 0.6, 1), new EpochRow(2, 0.7, 0.6, 0.9, 2)));
        assertThat(queue.finish(folded.lease(), new TrialResult(TrialStatus.COMPLETED, 0.5, 0.5, 2, 0.85, 0.6, 2, 9,
                null, null, new CrossValidationRecord(2, 0.1, 0.05, curves)))).isTrue();

        TrialEntity p = trials.findById(pruned.lease().trialId()).orElseThrow();
        assertThat(p.getStatus()).isEqualTo(TrialStatus.PRUNED);
        assertThat(p.getPruneRule()).isEqualTo("asha");
        assertThat(p.getPruneEpoch()).isEqualTo(3);
        assertThat(p.getPruneRung()).isEqualTo(1);
        assertThat(p.getPruneValue()).isEqualTo(0.85);
        assertThat(p.getPruneThreshold()).isEqualTo(0.6);
        assertThat(p.getError()).isEqualTo("not in the top 1 of 3");
        assertThat(p.getPruning()).as("the decision as it was written").isEqualTo(asha);
        assertThat(p.getCvFolds()).isNull();

        TrialEntity f = trials.findById(folded.lease().trialId()).orElseThrow();
        assertThat(f.getCvFolds()).isEqualTo(2);
        assertThat(f.getCvValLossStd()).isEqualTo(0.1);
        assertThat(f.getCvValAccuracyStd()).isEqualTo(0.05);
        assertThat(f.getPruneRule()).isNull();
        assertThat(foldEpochs.findByTrialIdOrderByFoldAscEpochAsc(f.getId()))
                .extracting(e -> e.getFold() + ":" + e.getEpoch() + ":" + e.getValLoss())
                .containsExactly("0:1:0.6", "0:2:0.4", "1:1:0.8", "1:2:0.6");
        lifecycle.afterTrialEnded(id, TrialStatus.PRUNED, 0.85, pruned.number());
        lifecycle.afterTrialEnded(id, TrialStatus.COMPLETED, 0.5, folded.number());
        assertThat(jdbc.queryForObject("SELECT best_trial_id FROM search WHERE id = ?", Long.class, id))
                .as("a PRUNED trial is never the best").isEqualTo(f.getId());
    }

    @Test
    void theNextStageIsInsertedOnceWhenTheStageEndsAndTheSearchCompletesOnlyAfterTheLast() {
        long id = stagedSearch();
        assertThat(stages.findBySearchIdOrderByStage(id)).hasSize(1);
        double[] losses = {0.9, 0.2, 0.5, 0.3};
        List<TrialEntity> stage1 = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ClaimedTrial c = claim();
            complete(c, losses[c.number()]);
            stage1.add(trials.findById(c.lease().trialId()).orElseThrow());
            assertThat(lifecycle.afterTrialEnded(id, TrialStatus.COMPLETED, losses[c.number()], c.number()))
                    .isEqualTo(SearchStatus.RUNNING);
        }
        List<SearchStageEntity> rows = stages.findBySearchIdOrderByStage(id);
        assertThat(rows).hasSize(2);
        SearchStageEntity second = rows.get(1);
        assertThat(second.getStage()).isEqualTo(2);
        assertThat(second.getFirstTrial()).isEqualTo(4);
        assertThat(second.getTrialCount()).isEqualTo(4);
        // Stage 2's trials are planned, not created: claims create them, numbered on, in the narrowed space.
        assertThat(trials.findBySearchIdAndStageAndStatus(id, 2, TrialStatus.QUEUED)).isEmpty();
        assertThat(queuedCount(id)).isEqualTo(4L);
        List<ClaimedTrial> stage2 = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            stage2.add(claim());
        }
        assertThat(stage2).extracting(ClaimedTrial::number).containsExactly(4, 5, 6, 7);

        // Top half of stage 1: trials 1 and 3; stage 2 samples within their span.
        List<Double> topRates = stage1.stream().filter(t -> t.getNumber() == 1 || t.getNumber() == 3)
                .map(t -> t.getParams().learningRate()).sorted().toList();
        for (ClaimedTrial c : stage2) {
            TrialEntity t = trials.findById(c.lease().trialId()).orElseThrow();
            assertThat(t.getStage()).isEqualTo(2);
            assertThat(t.getParams()).isEqualTo(c.params());
            assertThat(t.getParams().learningRate()).isBetween(topRates.get(0), topRates.get(1));
        }
        Space narrowed = Space.parse(second.getSpace());
        assertThat(narrowed.get("learningRate").toString()).contains(String.valueOf(topRates.get(0)));

        for (int i = 0; i < 4; i++) {
            ClaimedTrial c = stage2.get(i);
            complete(c, 0.1);
            assertThat(lifecycle.afterTrialEnded(id, TrialStatus.COMPLETED, 0.1, c.number()))
                    .isEqualTo(i < 3 ? SearchStatus.RUNNING : SearchStatus.COMPLETED);
        }
        assertThat(stages.findBySearchIdOrderByStage(id)).hasSize(2);
    }

    @Test
    void manyWorkersEndingTheStageAtOnceInsertTheNextStageExactlyOnce() throws Exception {
        long id = stagedSearch();
        List<ClaimedTrial> ended = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ClaimedTrial c = claim();
            complete(c, 0.5 + i);
            ended.add(c);
        }
        int threads = 4;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<SearchStatus>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                double loss = 0.5 + t;
                int number = ended.get(t).number();
                results.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return lifecycle.afterTrialEnded(id, TrialStatus.COMPLETED, loss, number);
                }));
            }
            for (Future<SearchStatus> f : results) {
                assertThat(f.get(30, TimeUnit.SECONDS)).isEqualTo(SearchStatus.RUNNING);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(stages.findBySearchIdOrderByStage(id)).hasSize(2);
        assertThat(jdbc.queryForObject("SELECT planned_trials FROM search WHERE id = ?", Long.class, id)).isEqualTo(8L);
        assertThat(queuedCount(id)).isEqualTo(4L);
    }

    @Test
    void theSweepStartsTheNextStageWhenNoWorkerDid() {
        long id = stagedSearch();
        for (int i = 0; i < 4; i++) {
            complete(claim(), 0.5 + i); // as if each worker died before afterTrialEnded
        }
        assertThat(lifecycle.completeFinishedSearches()).isZero();
        assertThat(lifecycle.statusOf(id)).isEqualTo(SearchStatus.RUNNING);
        assertThat(queuedCount(id)).isEqualTo(4L);
        assertThat(claim().number()).isEqualTo(4);
    }

    /** The search's queued trials as its counters say: rows handed back and planned trials not created yet. */
    long queuedCount(long searchId) {
        return jdbc.queryForObject("SELECT n FROM search_trial_count WHERE search_id = ? AND status = 'QUEUED'",
                Long.class, searchId);
    }

    @Test
    void aStageWithoutACompletedTrialFailsTheSearchSayingWhy() {
        long id = stagedSearch();
        for (int i = 0; i < 4; i++) {
            ClaimedTrial c = claim();
            TrialStatus ending = i == 0 ? TrialStatus.FAILED : TrialStatus.DIVERGED;
            queue.finish(c.lease(), TestResults.holdout(ending, Double.NaN,
                    Double.NaN, null, Double.NaN, Double.NaN, 1, 1, "boom"));
            lifecycle.afterTrialEnded(id, ending, Double.NaN, c.number());
        }
        assertThat(lifecycle.statusOf(id)).isEqualTo(SearchStatus.FAILED);
        String message = jdbc.queryForObject("SELECT message FROM search WHERE id = ?", String.class, id);
        assertThat(message).contains("stage 1").contains("3 DIVERGED").contains("1 FAILED");
        assertThat(stages.findBySearchIdOrderByStage(id)).hasSize(1);
        assertThat(trials.findAll().stream().filter(t -> t.getSearchId() == id)
                .max(Comparator.comparingInt(TrialEntity::getNumber)).orElseThrow().getNumber()).isEqualTo(3);
    }
}
