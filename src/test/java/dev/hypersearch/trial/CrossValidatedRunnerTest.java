package dev.hypersearch.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.hypersearch.data.BuiltinDatasets;
import dev.hypersearch.data.Dataset;
import dev.hypersearch.nn.EpochMetrics;
import dev.hypersearch.nn.Gemms;
import dev.hypersearch.search.TrialParams;
import dev.hypersearch.search.TrialStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CrossValidatedRunnerTest {

    private static final CrossValidatedRunner RUNNER = new CrossValidatedRunner(Gemms.reference());

    private static TrialParams params(Map<String, Object> overrides) {
        Map<String, Object> p = new java.util.HashMap<>(overrides);
        p.putIfAbsent("epochs", 6);
        p.put("batchSize", 16);
        p.put("hiddenUnits", 16);
        return TrialConfigsTest.params(p);
    }

    @Test
    void foldsPartitionTheRowsKeepClassRatiosAndStandardizeOnTheirOwnTrainingPart() {
        Dataset wine = BuiltinDatasets.load("wine"); // 59, 71, 48 rows per class
        List<PreparedData> folds = DataPreparation.kFold(wine, 5, 7);
        assertThat(folds).hasSize(5);
        int validationRows = 0;
        for (PreparedData fold : folds) {
            int n = fold.validation().size();
            validationRows += n;
            assertThat(fold.train().size() + n).isEqualTo(wine.size());
            int[] counts = new int[3];
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < 3; c++) {
                    counts[c] += (int) fold.validation().targets().get(i, c);
                }
            }
            // Each class's share of a fold is its count / 5, give or take one row.
            assertThat(counts[0]).isBetween(11, 12);
            assertThat(counts[1]).isBetween(14, 15);
            assertThat(counts[2]).isBetween(9, 10);
            for (double m : TrialConfigsTest.columnMeans(fold.train().features())) {
                assertThat(m).isCloseTo(0.0, within(1e-9));
            }
        }
        assertThat(validationRows).isEqualTo(wine.size());
    }

    @Test
    void reportsTheMeanCurveAndTheFoldsMeanAndPopulationStd() {
        List<PreparedData> folds = DataPreparation.kFold(BuiltinDatasets.load("iris"), 4, 3);
        List<EpochMetrics> seen = new ArrayList<>();
        TrialOutcome o = RUNNER.run(params(Map.of()), folds, 3, 0, m -> seen.add(m), null);

        assertThat(o.ending()).isEqualTo(TrialStatus.COMPLETED);
        assertThat(o.curve()).hasSize(6).isEqualTo(seen);
        CrossValidation cv = o.crossValidation();
        assertThat(cv.k()).isEqualTo(4);
        double[] losses = new double[4];
        double[] accuracies = new double[4];
        for (int f = 0; f < 4; f++) {
            FoldResult fold = cv.folds().get(f);
            assertThat(fold.fold()).isEqualTo(f);
            assertThat(fold.curve()).hasSize(6);
            assertThat(fold.outcome()).isEqualTo("COMPLETED");
            losses[f] = fold.curve().get(5).validationLoss();
            accuracies[f] = fold.curve().get(5).validationAccuracy();
        }
        double meanLoss = (losses[0] + losses[1] + losses[2] + losses[3]) / 4;
        double meanAccuracy = (accuracies[0] + accuracies[1] + accuracies[2] + accuracies[3]) / 4;
        double ss = 0;
        for (double l : losses) {
            ss += (l - meanLoss) * (l - meanLoss);
        }
        assertThat(cv.meanValLoss()).isCloseTo(meanLoss, within(1e-12));
        assertThat(cv.stdValLoss()).isCloseTo(Math.sqrt(ss / 4), within(1e-12)); // population: divide by k
        assertThat(cv.stdValLoss()).isGreaterThan(0);
        assertThat(cv.meanValAccuracy()).isCloseTo(meanAccuracy, within(1e-12));
        assertThat(o.valLoss()).isCloseTo(meanLoss, within(1e-12));
        assertThat(o.valAccuracy()).isCloseTo(meanAccuracy, within(1e-12));
        for (int e = 0; e < 6; e++) {
            double sum = 0;
            for (FoldResult fold : cv.folds()) {
                sum += fold.curve().get(e).validationLoss();
            }
            assertThat(o.curve().get(e).validationLoss()).isCloseTo(sum / 4, within(1e-12));
            assertThat(o.curve().get(e).epoch()).isEqualTo(e + 1);
        }
        double best = o.curve().stream().mapToDouble(EpochMetrics::validationLoss).min().orElseThrow();
        assertThat(o.bestValLoss()).isEqualTo(best);
        assertThat(o.curve().get(o.bestEpoch() - 1).validationLoss()).isEqualTo(best);
    }

    @Test
    void eachFoldTrainsLikeAHoldoutTrialOnItsData() {
        List<PreparedData> folds = DataPreparation.kFold(BuiltinDatasets.load("iris"), 3, 5);
        TrialOutcome cv = RUNNER.run(params(Map.of()), folds, 5, 2, null, null);
        TrialOutcome alone = new TrialRunner(Gemms.reference()).run(params(Map.of()), folds.get(1), 5, 2, null, null);
        assertThat(cv.crossValidation().folds().get(1).curve()).hasSameSizeAs(alone.curve());
        for (int e = 0; e < alone.curve().size(); e++) {
            assertThat(cv.crossValidation().folds().get(1).curve().get(e).validationLoss())
                    .isEqualTo(alone.curve().get(e).validationLoss());
        }
    }

    @Test
    void aDivergingFoldMakesTheTrialDiverged() {
        List<PreparedData> folds = DataPreparation.kFold(BuiltinDatasets.load("regression"), 3, 1);
        TrialOutcome o = RUNNER.run(params(Map.of("optimizer", "sgd", "learningRate", 10.0, "epochs", 50)), folds, 1, 0,
                null, null);
        assertThat(o.ending()).isEqualTo(TrialStatus.DIVERGED);
        assertThat(o.message()).startsWith("fold ").contains("of 3", "diverged");
        assertThat(o.curve().size()).isLessThan(50);
        for (FoldResult fold : o.crossValidation().folds()) {
            assertThat(fold.curve().size()).isBetween(o.curve().size(), o.curve().size() + 1);
        }
    }

    @Test
    void theListenerPrunesAndCancellationStops() {
        List<PreparedData> folds = DataPreparation.kFold(BuiltinDatasets.load("iris"), 3, 2);
        TrialOutcome pruned = RUNNER.run(params(Map.of()), folds, 2, 0, m -> m.epoch() < 2, null);
        assertThat(pruned.ending()).isEqualTo(TrialStatus.PRUNED);
        assertThat(pruned.curve()).hasSize(2);
        assertThat(pruned.crossValidation().folds()).allSatisfy(f -> {
            assertThat(f.curve()).hasSize(2);
            assertThat(f.outcome()).isEqualTo("STOPPED");
        });
        assertThat(pruned.crossValidation().meanValLoss()).isEqualTo(pruned.valLoss());

        AtomicInteger polls = new AtomicInteger();
        TrialOutcome cancelled = RUNNER.run(params(Map.of()), folds, 2, 0, null, () -> polls.incrementAndGet() > 20);
        assertThat(cancelled.ending()).isEqualTo(TrialStatus.CANCELLED);
        assertThat(cancelled.message()).contains("cancelled");
        assertThat(cancelled.curve().size()).isLessThan(6);
    }

    @Test
    void aBadParameterEndsTheTrialFailed() {
        List<PreparedData> folds = DataPreparation.kFold(BuiltinDatasets.load("iris"), 3, 2);
        TrialParams p = TrialConfigsTest.params(Map.of("epochs", 6, "batchSize", 16, "hiddenUnits", 0));
        TrialOutcome o = RUNNER.run(p, folds, 2, 0, null, null);
        assertThat(o.ending()).isEqualTo(TrialStatus.FAILED);
        assertThat(o.message()).contains("hiddenUnits");
        assertThat(o.crossValidation()).isNull();
    }
}
