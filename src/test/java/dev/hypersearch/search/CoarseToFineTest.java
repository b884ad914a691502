package dev.hypersearch.search;

import static dev.hypersearch.search.SpecFixtures.choice;
import static dev.hypersearch.search.SpecFixtures.floatRange;
import static dev.hypersearch.search.SpecFixtures.intRange;
import static dev.hypersearch.search.SpecFixtures.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hypersearch.search.Distribution.Choice;
import dev.hypersearch.search.Distribution.FloatRange;
import dev.hypersearch.search.Distribution.IntRange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CoarseToFineTest {

    private static final CoarseToFine QUARTER = new CoarseToFine(3, 8, 0.25);

    private static Space space() {
        return Space.parse(obj(
                "learningRate", floatRange(1e-4, 1e-1, true, null),
                "l2", floatRange(0, 0.01, false, null),
                "hiddenUnits", intRange(16, 256, 16),
                "activation", choice("relu", "tanh", "elu", "sigmoid"),
                "batchNorm", choice(true, false),
                "hiddenLayers", 2));
    }

    /** A complete parameter set: the space's first grid values, then the given overrides. */
    private static TrialParams params(Object... kv) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        Space s = space();
        for (String name : s.distributions().keySet()) {
            Distribution d = s.get(name);
            m.put(name, d instanceof FloatRange r ? r.min() : d.gridValue(0));
        }
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return TrialParams.of(m);
    }

    private static StageResult result(long trial, double objective, double lr, double l2, int units, String f,
                                      boolean bn) {
        return new StageResult(trial, params("learningRate", lr, "l2", l2, "hiddenUnits", units, "activation", f,
                "batchNorm", bn), objective);
    }

    /** Eight finished trials; the best quarter are trials 3 (0.10) and 6 (0.20). */
    private static List<StageResult> eight() {
        return List.of(
                result(0, 0.90, 1e-4, 0.009, 16, "sigmoid", false),
                result(1, 0.50, 5e-2, 0.002, 240, "tanh", false),
                result(2, 0.40, 7e-4, 0.000, 32, "relu", true),
                result(3, 0.10, 3e-3, 0.004, 64, "elu", true),
                result(4, 0.35, 9e-2, 0.008, 256, "tanh", false),
                result(5, Double.NaN, 1e-2, 0.005, 128, "sigmoid", false), // diverged: ignored
                result(6, 0.20, 2e-2, 0.001, 160, "relu", true),
                result(7, 0.30, 1e-4, 0.010, 48, "sigmoid", true));
    }

    @Test
    void narrowsEveryDimensionToTheTopTrials() {
        Space next = QUARTER.nextSpace(space(), eight());
        // 7 finite objectives, ceil(0.25 * 7) = 2 top trials: 3 and 6.
        assertThat(next.get("learningRate")).isEqualTo(new FloatRange(3e-3, 2e-2, true, null));
        assertThat(next.get("l2")).isEqualTo(new FloatRange(0.001, 0.004, false, null));
        assertThat(next.get("hiddenUnits")).isEqualTo(new IntRange(64, 160, 16));
        assertThat(next.get("activation")).isEqualTo(new Choice(List.of("relu", "elu"))); // the choice's order
        assertThat(next.get("batchNorm")).isEqualTo(new Choice(List.of(true)));
        assertThat(next.get("hiddenLayers")).isEqualTo(new Distribution.Fixed(2));
        assertThat(next.get("optimizer")).isEqualTo(space().get("optimizer"));
    }

    @Test
    void theTopFractionRoundsUpAndKeepsAtLeastOneTrial() {
        assertThat(new CoarseToFine(2, 10, 0.3).topCount(10)).isEqualTo(3); // not ceil(3.0000000000000004)
        assertThat(new CoarseToFine(2, 10, 0.25).topCount(7)).isEqualTo(2);
        assertThat(new CoarseToFine(2, 10, 0.01).topCount(7)).isEqualTo(1);
        assertThat(new CoarseToFine(2, 10, 1.0).topCount(7)).isEqualTo(7);

        Space one = new CoarseToFine(2, 8, 0.01).nextSpace(space(), eight());
        assertThat(one.get("learningRate")).isEqualTo(new FloatRange(3e-3, 3e-3, true, null));
        assertThat(one.get("hiddenUnits")).isEqualTo(new IntRange(64, 64, 16));
        assertThat(one.get("activation")).isEqualTo(new Choice(List.of("elu")));

        Space all = new CoarseToFine(2, 8, 1.0).nextSpace(space(), eight());
        assertThat(all.get("learningRate")).isEqualTo(new FloatRange(1e-4, 9e-2, true, null));
        assertThat(all.get("l2")).isEqualTo(new FloatRange(0.0, 0.010, false, null));
        assertThat(all.get("hiddenUnits")).isEqualTo(new IntRange(16, 256, 16));
        assertThat(all.get("activation")).isEqualTo(new Choice(List.of("relu", "tanh", "elu", "sigmoid")));
    }

    @Test
    void tiesAreBrokenByTrialNumber() {
        List<StageResult> tied = List.of(
                result(5, 0.1, 5e-2, 0.001, 32, "tanh", false),
                result(2, 0.1, 2e-3, 0.001, 48, "relu", false),
                result(9, 0.9, 1e-4, 0.001, 16, "elu", false));
        Space next = new CoarseToFine(2, 3, 0.3).nextSpace(space(), tied); // 1 top trial: number 2
        assertThat(next.get("learningRate")).isEqualTo(new FloatRange(2e-3, 2e-3, true, null));
        assertThat(next.get("activation")).isEqualTo(new Choice(List.of("relu")));
    }

    @Test
    void neverWiderThanTheStageSpaceAndIntRangesStayOnTheirGrid() {
        List<StageResult> odd = List.of(
                result(0, 0.1, 0.5, -1.0, 50, "relu", true),   // lr and l2 outside the space, 50 off the grid
                result(1, 0.2, 2e-3, 0.003, 99, "linear", true)); // a value outside the choice is ignored
        Space next = new CoarseToFine(2, 2, 1.0).nextSpace(space(), odd);
        assertThat(next.get("learningRate")).isEqualTo(new FloatRange(2e-3, 1e-1, true, null));
        assertThat(next.get("l2")).isEqualTo(new FloatRange(0.0, 0.003, false, null));
        assertThat(next.get("hiddenUnits")).isEqualTo(new IntRange(48, 112, 16)); // 50 -> 48, 99 -> 112
        assertThat(next.get("activation")).isEqualTo(new Choice(List.of("relu")));
    }

    @Test
    void storedParametersOfAnotherNumberTypeStillCount() {
        // From JSON: an int parameter as a Long, a float one as an Integer.
        StageResult fromJson = new StageResult(0, params("hiddenUnits", 64L, "learningRate", 1, "l2", 0), 0.1);
        Space next = new CoarseToFine(2, 1, 1.0).nextSpace(space(), List.of(fromJson));
        assertThat(next.get("hiddenUnits")).isEqualTo(new IntRange(64, 64, 16));
        assertThat(next.get("learningRate")).isEqualTo(new FloatRange(1e-1, 1e-1, true, null)); // clamped to 0.1
        assertThat(next.get("l2")).isEqualTo(new FloatRange(0.0, 0.0, false, null));
    }

    @Test
    void withoutAnyFiniteResultTheSpaceIsKept() {
        List<StageResult> none = List.of(result(0, Double.NaN, 1e-3, 0, 16, "relu", true));
        assertThat(QUARTER.nextSpace(space(), none)).isEqualTo(space());
        assertThat(QUARTER.nextSpace(space(), List.of())).isEqualTo(space());
    }

    @Test
    void aCollapsedGridRangeKeepsOnePoint() {
        Space gridded = Space.parse(obj("learningRate", floatRange(1e-4, 1e-1, true, 4)));
        Space next = new CoarseToFine(2, 1, 1.0).nextSpace(gridded,
                List.of(new StageResult(0, params("learningRate", 1e-3), 0.5)));
        assertThat(next.get("learningRate")).isEqualTo(new FloatRange(1e-3, 1e-3, true, 1));
        assertThat(Space.parse(next.toRaw())).isEqualTo(next);
    }

    @Test
    void stagesSampleRandomlyFromTheirSpaceAndReplayBySeedAndStage() {
        Space first = space();
        StageStrategy stage1 = QUARTER.stage(1, first, 42);
        RandomStrategy random = new RandomStrategy(first, 8, 42);
        for (long k = 0; k < 8; k++) {
            assertThat(stage1.paramsFor(k)).isEqualTo(random.paramsFor(k)); // stage 1 is plain random search
        }
        // Objectives from the parameters: best near learningRate 1e-2 with elu.
        List<StageResult> results = new ArrayList<>();
        for (long k = 0; k < 8; k++) {
            TrialParams p = stage1.paramsFor(k);
            double objective = Math.abs(Math.log10(p.learningRate()) + 2)
                    + ("elu".equals(p.activation().name()) ? 0 : 0.5);
            results.add(new StageResult(stage1.trialNumber(k), p, objective));
        }
        Space second = QUARTER.nextSpace(first, results);
        List<StageResult> top = results.stream().sorted(Comparator.comparingDouble(StageResult::objective)).limit(2).toList();
        double lo = top.stream().mapToDouble(r -> r.params().learningRate()).min().orElseThrow();
        double hi = top.stream().mapToDouble(r -> r.params().learningRate()).max().orElseThrow();
        assertThat(second.get("learningRate")).isEqualTo(new FloatRange(lo, hi, true, null));

        StageStrategy stage2 = QUARTER.stage(2, second, 42);
        StageStrategy replay = QUARTER.stage(2, Space.parse(second.toRaw()), 42);
        StageStrategy stage3 = QUARTER.stage(3, second, 42);
        assertThat(stage2.trialCount()).isEqualTo(8);
        assertThat(stage2.trialNumber(0)).isEqualTo(8);
        assertThat(stage3.trialNumber(7)).isEqualTo(23);
        for (long k = 0; k < 8; k++) {
            TrialParams p = stage2.paramsFor(k);
            assertThat(replay.paramsFor(k)).isEqualTo(p);
            assertThat(stage3.paramsFor(k)).isNotEqualTo(p);
            assertThat(QUARTER.stage(2, second, 43).paramsFor(k)).isNotEqualTo(p);
            assertThat(p.learningRate()).isBetween(lo, hi);
        }
    }

    @Test
    void numbersTrialsAcrossStagesAndDescribesEachStage() {
        assertThat(QUARTER.totalTrials()).isEqualTo(24);
        assertThat(QUARTER.stageOf(0)).isEqualTo(1);
        assertThat(QUARTER.stageOf(7)).isEqualTo(1);
        assertThat(QUARTER.stageOf(8)).isEqualTo(2);
        assertThat(QUARTER.stageOf(23)).isEqualTo(3);
        assertThat(QUARTER.firstTrial(3)).isEqualTo(16);
        assertThatThrownBy(() -> QUARTER.stageOf(24)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> QUARTER.stage(4, space(), 1)).hasMessageContaining("stage");

        StageSpace view = QUARTER.stage(2, space(), 1).describe();
        assertThat(view.stage()).isEqualTo(2);
        assertThat(view.firstTrial()).isEqualTo(8);
        assertThat(view.trialCount()).isEqualTo(8);
        assertThat(view.space().get("learningRate"))
                .isEqualTo(Map.of("floatRange", Map.of("min", 1e-4, "max", 1e-1, "log", true)));
        assertThat(view.space().get("activation")).isEqualTo(Map.of("choice", List.of("relu", "tanh", "elu", "sigmoid")));
        assertThat(view.space().get("hiddenLayers")).isEqualTo(2);
        assertThat(view.space().keySet()).containsExactlyElementsOf(TestParams.requiredNames());
    }

    @Test
    void aSpaceReadsBackFromItsRawForm() {
        Space narrowed = QUARTER.nextSpace(space(), eight());
        assertThat(Space.parse(narrowed.toRaw())).isEqualTo(narrowed);
        assertThat(Space.parse(space().toRaw())).isEqualTo(space());
    }

    @Test
    void rejectsImpossibleSettings() {
        assertThatThrownBy(() -> new CoarseToFine(1, 8, 0.25)).hasMessageContaining("stages");
        assertThatThrownBy(() -> new CoarseToFine(2, 0, 0.25)).hasMessageContaining("trialsPerStage");
        assertThatThrownBy(() -> new CoarseToFine(2, 8, 0)).hasMessageContaining("topFraction");
        assertThatThrownBy(() -> new CoarseToFine(2, 8, 1.5)).hasMessageContaining("topFraction");
    }
}
