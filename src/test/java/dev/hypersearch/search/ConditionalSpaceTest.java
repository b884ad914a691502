package dev.hypersearch.search;

import static dev.hypersearch.search.SpecFixtures.choice;
import static dev.hypersearch.search.SpecFixtures.floatRange;
import static dev.hypersearch.search.SpecFixtures.intRange;
import static dev.hypersearch.search.SpecFixtures.obj;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Parameters that apply only under others' values: grids, draws and the generic entry points. */
class ConditionalSpaceTest {

    private static List<TrialParams> grid(Space s) {
        List<TrialParams> out = new ArrayList<>();
        for (long k = 0; k < s.gridSize(); k++) {
            out.add(s.gridPoint(k));
        }
        return out;
    }

    /** A brute-force count: every combination of grid values, kept once per distinct active assignment. */
    private static Set<Map<String, Object>> bruteForce(Space s) {
        List<Map<String, Object>> partial = new ArrayList<>(List.of(Map.of()));
        for (var e : s.distributions().entrySet()) {
            List<Map<String, Object>> next = new ArrayList<>();
            for (Map<String, Object> m : partial) {
                for (long g = 0; g < e.getValue().gridSize(); g++) {
                    var copy = new java.util.HashMap<>(m);
                    copy.put(e.getKey(), e.getValue().gridValue(g));
                    next.add(copy);
                }
            }
            partial = next;
        }
        Set<Map<String, Object>> distinct = new HashSet<>();
        partial.forEach(m -> distinct.add(TrialParams.of(m).values()));
        return distinct;
    }

    @Test
    void layerWidthsOfAbsentLayersDoNotMultiplyTheGrid() {
        Space s = Space.parse(obj("hiddenLayers", choice(1, 2), "units1", choice(32, 64), "units2", choice(32, 64)));
        assertThat(s.gridSize()).isEqualTo(6);
        List<TrialParams> points = grid(s);
        assertThat(points).doesNotHaveDuplicates();
        assertThat(points).extracting(TrialParams::hiddenWidths).containsExactly(
                List.of(32), List.of(64),
                List.of(32, 32), List.of(32, 64), List.of(64, 32), List.of(64, 64));
        assertThat(points.get(0).units2()).isNull();
        assertThat(points.get(0).values()).doesNotContainKey("units2").containsEntry("units1", 32);
    }

    @Test
    void optimizerConditionalParametersCountOnlyUnderTheirOptimizer() {
        Space s = Space.parse(obj("optimizer", choice("sgd", "momentum", "adam"), "momentum", choice(0.5, 0.9),
                "beta1", choice(0.8, 0.9, 0.95), "activation", choice("relu", "leaky_relu"),
                "leakySlope", choice(0.01, 0.1), "learningRate", choice(0.1, 0.01)));
        // learningRate 2 x activation (relu 1 + leaky 2) x optimizer (sgd 1 + momentum 2 + adam 3)
        assertThat(s.gridSize()).isEqualTo(2 * 3 * 6);
        List<TrialParams> points = grid(s);
        assertThat(new HashSet<>(points.stream().map(TrialParams::values).toList())).isEqualTo(bruteForce(s));
        for (TrialParams p : points) {
            assertThat(p.momentum() != null).isEqualTo(p.optimizer() == TrialParams.Optimizer.momentum);
            assertThat(p.beta1() != null).isEqualTo(p.optimizer() == TrialParams.Optimizer.adam);
            assertThat(p.leakySlope() != null).isEqualTo(p.activation() == TrialParams.Activation.leaky_relu);
        }
    }

    @Test
    void mixedConditionsMatchABruteForceCount() {
        Space s = Space.parse(obj("hiddenLayers", intRange(0, 3, 1), "units1", choice(8, 16), "units3",
                choice(4, 8, 12), "optimizer", choice("momentum", "adam"), "beta2", choice(0.99, 0.999),
                "epochs", choice(1, 2)));
        Set<Map<String, Object>> expected = bruteForce(s);
        assertThat(s.gridSize()).isEqualTo(expected.size());
        List<TrialParams> points = grid(s);
        assertThat(points).doesNotHaveDuplicates();
        assertThat(new HashSet<>(points.stream().map(TrialParams::values).toList())).isEqualTo(expected);
    }

    @Test
    void aFixedDecidingParameterStillDecides() {
        assertThat(Space.parse(obj("optimizer", "momentum", "momentum", choice(0.5, 0.9))).gridSize()).isEqualTo(2);
        assertThat(Space.parse(obj("optimizer", "adam", "momentum", choice(0.5, 0.9))).gridSize()).isEqualTo(1);
        assertThat(Space.parse(obj("hiddenLayers", 3, "units2", choice(8, 16), "units4", choice(1, 2))).gridPoint(1)
                .hiddenWidths()).containsExactly(64, 16, 64);
    }

    @Test
    void fixedConditionalParametersKeepThePlainMixedRadix() {
        // optimizer and hiddenLayers vary, nothing conditional does: the old product numbering, last fastest.
        Space s = Space.parse(obj("hiddenLayers", choice(1, 2), "optimizer", choice("sgd", "adam"),
                "l2", choice(0.0, 0.1)));
        assertThat(s.gridSize()).isEqualTo(8);
        assertThat(s.gridPoint(1).l2()).isEqualTo(0.1);
        assertThat(s.gridPoint(2).optimizer()).isEqualTo(TrialParams.Optimizer.adam);
        assertThat(s.gridPoint(4).hiddenLayers()).isEqualTo(2);
    }

    @Test
    void randomDrawsNeverSetAnInactiveParameter() {
        Space s = Space.parse(obj("hiddenLayers", intRange(0, 4, 1), "units2", intRange(8, 64, 8),
                "units4", choice(3, 5), "optimizer", choice("sgd", "momentum", "adam"),
                "momentum", floatRange(0.5, 0.99, false, null), "beta1", floatRange(0.8, 0.99, false, null)));
        SplittableRandom rng = new SplittableRandom(3);
        Set<Integer> layers = new HashSet<>();
        for (int i = 0; i < 300; i++) {
            TrialParams p = s.sample(rng);
            layers.add(p.hiddenLayers());
            assertThat(p.units2() != null).isEqualTo(p.hiddenLayers() >= 2);
            assertThat(p.units4() != null).isEqualTo(p.hiddenLayers() >= 4);
            assertThat(p.units1()).as("not in the space: layer 1 takes hiddenUnits").isNull();
            assertThat(p.momentum() != null).isEqualTo(p.optimizer() == TrialParams.Optimizer.momentum);
            assertThat(p.beta1() != null).isEqualTo(p.optimizer() == TrialParams.Optimizer.adam);
            assertThat(p.values().keySet()).containsExactlyElementsOf(s.activeNames(p.values()));
        }
        assertThat(layers).containsExactlyInAnyOrder(0, 1, 2, 3, 4);
    }

    @Test
    void fixedInactiveParametersTakeNoRandomness() {
        // momentum (fixed by default) is inactive under adam either way: draws equal a space without it varying.
        Space plain = Space.parse(obj("learningRate", floatRange(1e-3, 1e-1, true, null), "l2", floatRange(0, 1e-2,
                false, null)));
        Space withInactive = Space.parse(obj("learningRate", floatRange(1e-3, 1e-1, true, null), "l2",
                floatRange(0, 1e-2, false, null), "momentum", floatRange(0.5, 0.9, false, null)));
        for (long seed = 0; seed < 20; seed++) {
            assertThat(withInactive.sample(new SplittableRandom(seed))).isEqualTo(plain.sample(new SplittableRandom(seed)));
        }
    }

    @Test
    void aParameterMayApplyOnlyWhereTheSpaceLetsItsConditionHold() {
        Space adamOnly = Space.parse(Map.of("optimizer", "adam", "hiddenLayers", Map.of("choice", List.of(1, 2)),
                "units3", Map.of("choice", List.of(8, 16)), "activation", Map.of("choice", List.of("relu", "elu"))));
        assertThat(adamOnly.mayApply("beta1")).isTrue();
        assertThat(adamOnly.mayApply("momentum")).as("optimizer is fixed to adam").isFalse();
        assertThat(adamOnly.mayApply("units2")).isTrue();
        assertThat(adamOnly.mayApply("units3")).as("at most 2 layers").isFalse();
        assertThat(adamOnly.mayApply("eluAlpha")).isTrue();
        assertThat(adamOnly.mayApply("leakySlope")).isFalse();
        assertThat(adamOnly.mayApply("learningRate")).isTrue();
        // Left out of the space, the deciding parameter takes its catalogue default.
        Space defaults = Space.parse(Map.of("learningRate", 0.01));
        assertThat(defaults.mayApply("leakySlope")).isEqualTo(MlpParameters.isActive("leakySlope", defaults.sample(new java.util.SplittableRandom(1)).values()));
    }

    @Test
    void isActiveAnswersForPartialAssignments() {
        Space s = Space.parse(obj("hiddenLayers", choice(1, 3), "units2", choice(8, 16)));
        assertThat(s.isActive("units2", Map.of("hiddenLayers", 3))).isTrue();
        assertThat(s.isActive("units2", Map.of("hiddenLayers", 1))).isFalse();
        assertThat(s.isActive("units2", Map.of())).as("its deciding parameter not drawn yet").isFalse();
        assertThat(s.isActive("units3", Map.of("hiddenLayers", 3))).as("not in the space").isFalse();
        assertThat(s.isActive("momentum", Map.of("optimizer", "momentum"))).isTrue();
        assertThat(s.activeNames(Map.of("hiddenLayers", 1, "optimizer", "sgd"))).doesNotContain("units2", "momentum",
                "beta1", "beta2").contains("hiddenLayers", "learningRate");
        assertThat(MlpParameters.find("units2").orElseThrow().condition().text()).isEqualTo("hiddenLayers >= 2");
    }

    @Test
    void trialParamsDropValuesThatDoNotApply() {
        TrialParams p = TestParams.defaultsWith("optimizer", "sgd", "momentum", 0.5, "beta1", 0.8, "hiddenLayers", 1,
                "units1", 7, "units2", 9);
        assertThat(p.momentum()).isNull();
        assertThat(p.beta1()).isNull();
        assertThat(p.units2()).isNull();
        assertThat(p.hiddenWidths()).containsExactly(7);
        assertThat(p.values()).doesNotContainKeys("momentum", "beta1", "beta2", "units2").containsEntry("units1", 7);
        assertThat(TrialParams.of(p.values())).isEqualTo(p);
        assertThat(TestParams.defaultsWith("optimizer", "momentum").momentum()).as("the catalogue default")
                .isEqualTo(0.9);
    }

    @Test
    void narrowingUsesOnlyTrialsWhereTheParameterApplied() {
        Space s = Space.parse(obj("hiddenLayers", choice(1, 2), "units2", intRange(8, 64, 8)));
        TrialParams one = TestParams.defaultsWith("hiddenLayers", 1, "units2", 8);
        TrialParams two = TestParams.defaultsWith("hiddenLayers", 2, "units2", 48);
        CoarseToFine plan = new CoarseToFine(2, 2, 1.0);
        Space next = Narrowing.narrow(s, List.of(new StageResult(0, one, 0.1), new StageResult(1, two, 0.2)), plan);
        assertThat(next.get("units2")).isEqualTo(new Distribution.IntRange(48, 48, 8));
        assertThat(next.get("hiddenLayers")).isEqualTo(new Distribution.Choice(List.of(1, 2)));
    }
}
