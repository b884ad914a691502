package dev.hypersearch.search.importance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.hypersearch.search.Space;
import dev.hypersearch.search.importance.ImportanceAnalysis.ParameterImportance;
import dev.hypersearch.search.importance.ImportanceAnalysis.Result;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/** Importance on synthetic objectives whose driving parameters are known. */
class ImportanceAnalysisTest {

    /** learningRate (log), l2 (log), hiddenUnits (int range), activation (choice), batchNorm (choice); epochs fixed. */
    static final Space SPACE = Space.parse(Map.of(
            "learningRate", Map.of("floatRange", Map.of("min", 1e-4, "max", 1e-1, "log", true)),
            "l2", Map.of("floatRange", Map.of("min", 1e-6, "max", 1e-2, "log", true)),
            "hiddenUnits", Map.of("intRange", Map.of("min", 16, "max", 256)),
            "activation", Map.of("choice", List.of("relu", "tanh", "sigmoid")),
            "batchNorm", Map.of("choice", List.of(true, false)),
            "epochs", 5));
    static final ImportanceOptions OPTIONS = new ImportanceOptions(0.1, 1.0, 100, 7);

    static TrialTable trials(int n, long seed, ToDoubleFunction<Map<String, Object>> objective) {
        SplittableRandom rng = new SplittableRandom(seed);
        TrialTable table = new TrialTable(Axis.of(SPACE));
        for (int i = 0; i < n; i++) {
            Map<String, Object> values = SPACE.sample(rng).values();
            table.add(values, objective.applyAsDouble(values) + 0.05 * rng.nextDouble());
        }
        return table;
    }

    static double lr(Map<String, Object> v) {
        return Math.log10((Double) v.get("learningRate"));
    }

    static ParameterImportance of(Result r, String name) {
        return r.parameters().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void theParameterThatDrivesTheObjectiveHasTheLargestShareAndAnIntervalAboveEveryOther() {
        Result r = ImportanceAnalysis.analyse(trials(400, 1, v -> Math.pow(lr(v) + 2.5, 2)), OPTIONS);

        assertThat(r.parameters()).extracting(ParameterImportance::name)
                .containsExactlyInAnyOrder("learningRate", "l2", "hiddenUnits", "activation", "batchNorm");
        assertThat(r.parameters().get(0).name()).isEqualTo("learningRate");
        assertThat(r.parameters().stream().mapToDouble(ParameterImportance::importance).sum()).isCloseTo(1, within(1e-9));
        ParameterImportance lr = of(r, "learningRate");
        assertThat(lr.importance()).isBetween(lr.low(), lr.high());
        for (ParameterImportance noise : r.parameters().subList(1, r.parameters().size())) {
            assertThat(lr.low()).as(noise.name()).isGreaterThan(noise.high());
            assertThat(noise.importance()).as(noise.name() + ": no effect").isLessThan(0.1);
        }
        assertThat(r.trials()).isEqualTo(400);
        assertThat(r.topTrials()).isEqualTo(40);
    }

    @Test
    void aCategoricalDriverHasTheLargestShare() {
        Result r = ImportanceAnalysis.analyse(trials(400, 2, v -> "tanh".equals(v.get("activation")) ? 0 : 1), OPTIONS);

        ParameterImportance activation = r.parameters().get(0);
        assertThat(activation.name()).isEqualTo("activation");
        for (ParameterImportance noise : r.parameters().subList(1, r.parameters().size())) {
            assertThat(activation.low()).as(noise.name()).isGreaterThan(noise.high());
        }
    }

    @Test
    void theSameTrialsAndSeedGiveTheSameAnswerAndAnotherSeedOtherIntervals() {
        ToDoubleFunction<Map<String, Object>> f = v -> Math.abs(lr(v) + 2.5) + ((Integer) v.get("hiddenUnits")) / 256.0;
        Result a = ImportanceAnalysis.analyse(trials(200, 3, f), OPTIONS);
        Result b = ImportanceAnalysis.analyse(trials(200, 3, f), OPTIONS);
        Result c = ImportanceAnalysis.analyse(trials(200, 3, f), new ImportanceOptions(0.1, 1.0, 100, 8));

        assertThat(b).isEqualTo(a);
        assertThat(c.parameters()).extracting(ParameterImportance::importance)
                .isEqualTo(a.parameters().stream().map(ParameterImportance::importance).toList());
        assertThat(c.parameters()).extracting(ParameterImportance::low)
                .isNotEqualTo(a.parameters().stream().map(ParameterImportance::low).toList());
    }

    @Test
    void aParameterMissingFromSomeTrialsIsMeasuredOnTheTrialsItAppliesTo() {
        // l2 applies only with batchNorm false (as a conditional parameter would): there it drives the objective.
        SplittableRandom rng = new SplittableRandom(4);
        TrialTable table = new TrialTable(Axis.of(SPACE));
        for (int i = 0; i < 400; i++) {
            Map<String, Object> values = new HashMap<>(SPACE.sample(rng).values());
            double loss = 1 + 0.05 * rng.nextDouble();
            if (Boolean.TRUE.equals(values.get("batchNorm"))) {
                values.remove("l2");
            } else {
                loss = Math.abs(Math.log10((Double) values.get("l2")) + 4) + 0.05 * rng.nextDouble();
            }
            values.remove("hiddenUnits"); // applies to no trial: no share
            table.add(values, loss);
        }
        Result r = ImportanceAnalysis.analyse(table, OPTIONS);

        assertThat(r.parameters().get(0).name()).isEqualTo("l2");
        assertThat(of(r, "hiddenUnits").importance()).isZero();
        assertThat(of(r, "hiddenUnits").high()).isZero();
        assertThat(of(r, "learningRate").importance()).isLessThan(0.1);
    }

    @Test
    void fewerThanTenTrialsOrNoVaryingParameterGiveNoSharesButAReason() {
        Result few = ImportanceAnalysis.analyse(trials(9, 5, v -> lr(v)), OPTIONS);
        assertThat(few.parameters()).isEmpty();
        assertThat(few.reason()).contains("at least 10", "9 have finished");

        TrialTable fixed = new TrialTable(Axis.of(Space.parse(Map.of("epochs", 5))));
        for (int i = 0; i < 20; i++) {
            fixed.add(Map.of("epochs", 5), i);
        }
        assertThat(ImportanceAnalysis.analyse(fixed, OPTIONS).reason()).contains("no parameter varies");
    }

    @Test
    void divergedTrialsCountAsWorseThanAnyAndNoStructureGivesEqualShares() {
        TrialTable table = trials(100, 6, v -> 1);
        Map<String, Object> high = new HashMap<>(SPACE.sample(new SplittableRandom(9)).values());
        for (int i = 0; i < 100; i++) {
            table.add(high, Double.POSITIVE_INFINITY);
        }
        Result r = ImportanceAnalysis.analyse(table, OPTIONS);
        assertThat(r.topTrials()).isEqualTo(20);
        assertThat(r.parameters().stream().mapToDouble(ParameterImportance::importance).sum()).isCloseTo(1, within(1e-9));

        double[] none = ImportanceAnalysis.shares(new double[] {0, 0, 0, 0});
        assertThat(none).containsExactly(0.25, 0.25, 0.25, 0.25);
    }

    @Test
    void prunedTrialsCountAtTheEpochTheyReachedAfterEveryCompletedOne() {
        SplittableRandom rng = new SplittableRandom(12);
        TrialTable table = new TrialTable(Axis.of(SPACE));
        for (int i = 0; i < 10; i++) {
            table.add(SPACE.sample(rng).values(), 0.5 + rng.nextDouble());
        }
        // relu trials got further before the pruner stopped them; their loss there says nothing.
        for (int i = 0; i < 190; i++) {
            Map<String, Object> values = SPACE.sample(rng).values();
            table.addPruned(values, "relu".equals(values.get("activation")) ? 8 : 2, 0.1 * rng.nextDouble());
        }

        Result r = ImportanceAnalysis.analyse(table, OPTIONS);

        assertThat(r.trials()).isEqualTo(200);
        assertThat(r.topTrials()).isEqualTo(20);
        assertThat(r.parameters().get(0).name()).isEqualTo("activation");
    }

    @Test
    void completedRankBeforePrunedByEpochThenLossAndDivergedLast() {
        TrialTable table = new TrialTable(Axis.of(SPACE));
        Map<String, Object> v = SPACE.sample(new SplittableRandom(1)).values();
        table.add(v, 3.0);                         // 0: completed, worst loss of all
        table.addPruned(v, 2, 0.1);                // 1: pruned early with a low loss
        table.addPruned(v, 5, 0.9);                // 2: pruned later
        table.add(v, Double.POSITIVE_INFINITY);    // 3: diverged
        table.addPruned(v, 5, Double.NaN);         // 4: pruned later, no loss
        java.util.List<Integer> order = new java.util.ArrayList<>(List.of(4, 3, 2, 1, 0));
        order.sort(table::compare);
        assertThat(order).containsExactly(0, 2, 4, 1, 3);
    }
}
