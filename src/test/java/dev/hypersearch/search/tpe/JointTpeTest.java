package dev.hypersearch.search.tpe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hypersearch.search.Distribution;
import dev.hypersearch.search.RandomStrategy;
import dev.hypersearch.search.Space;
import dev.hypersearch.search.TpeSettings;
import dev.hypersearch.search.TrialParams;
import dev.hypersearch.search.TrialStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * TPE over groups of parameters active together (Optuna's {@code group=True} decomposition): conditional groups
 * drawn jointly, the parameters every trial had each on its own.
 */
class JointTpeTest {

    private static final Space CONDITIONAL = Space.parse(Map.of(
            "learningRate", Map.of("floatRange", Map.of("min", 1e-4, "max", 1e-1, "log", true)),
            "optimizer", Map.of("choice", List.of("sgd", "momentum", "adam")),
            "momentum", Map.of("floatRange", Map.of("min", 0.5, "max", 0.99)),
            "beta1", Map.of("floatRange", Map.of("min", 0.8, "max", 0.99)),
            "beta2", Map.of("floatRange", Map.of("min", 0.9, "max", 0.9999)),
            "hiddenLayers", Map.of("intRange", Map.of("min", 1, "max", 3)),
            "units2", Map.of("choice", List.of(32, 64)),
            "units3", Map.of("choice", List.of(32, 64)),
            "activation", Map.of("choice", List.of("relu", "tanh")),
            "eluAlpha", Map.of("floatRange", Map.of("min", 0.5, "max", 2.0))));

    private static List<ObservedTrial> randomTrials(Space space, int n, long seed, java.util.function.ToDoubleFunction<TrialParams> f) {
        RandomStrategy random = new RandomStrategy(space, n, seed);
        List<ObservedTrial> trials = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            TrialParams p = random.paramsFor(k);
            trials.add(new ObservedTrial(100 + k, k, p, TrialStatus.COMPLETED, f.applyAsDouble(p), 20));
        }
        return trials;
    }

    @Test
    void parametersActiveTogetherInEveryTrialFormAGroup() {
        List<Map<String, Object>> finished = randomTrials(CONDITIONAL, 60, 1, p -> 0).stream()
                .map(t -> t.params().values()).toList();

        List<Groups.Group> groups = Groups.of(CONDITIONAL.searchedNames(), finished);

        Map<Set<String>, Boolean> conditional = new java.util.HashMap<>();
        groups.forEach(g -> conditional.put(Set.copyOf(g.names()), g.conditional()));
        assertThat(conditional).containsOnly(
                Map.entry(Set.of("learningRate", "optimizer", "hiddenLayers", "activation"), false),
                Map.entry(Set.of("momentum"), true), Map.entry(Set.of("beta1", "beta2"), true),
                Map.entry(Set.of("units2"), true), Map.entry(Set.of("units3"), true),
                Map.entry(Set.of("eluAlpha"), true)); // elu is not a choice: never active, a group of its own
        List<String> order = CONDITIONAL.searchedNames();
        for (Groups.Group g : groups) {
            assertThat(g.names()).isSortedAccordingTo((a, b) -> order.indexOf(a) - order.indexOf(b));
        }
        assertThat(groups).extracting(g -> order.indexOf(g.names().get(0))).isSorted();
    }

    /** How far apart beta1 and beta2 are, each on its range scaled to [0, 1]. */
    private static double betaGap(TrialParams p) {
        return Math.abs((p.beta1() - 0.8) / 0.19 - (p.beta2() - 0.9) / 0.0999);
    }

    @Test
    void aConditionalGroupIsDrawnJointlySoValuesThatWentWellTogetherStayTogether() {
        // adam does well when beta1 and beta2 sit equally far up their ranges: each one's good values alone are
        // spread over its whole range, only their pairing tells, which per-parameter densities cannot see.
        List<ObservedTrial> observed = randomTrials(CONDITIONAL, 400, 5, p -> p.beta1() == null ? 0.15 : betaGap(p));
        TpeSampler sampler = new TpeSampler(CONDITIONAL, TpeSettings.DEFAULTS, 2);
        int adam = 0;
        int paired = 0;
        for (int k = 0; k < 300; k++) {
            TrialParams p = sampler.suggest(400 + k, observed).params();
            if (p.beta1() != null) {
                adam++;
                assertThat(p.momentum()).isNull();
                paired += betaGap(p) < 0.15 ? 1 : 0;
            } else {
                assertThat(p.beta2()).isNull();
            }
        }
        assertThat(adam).isGreaterThan(30);
        // Independent draws land within 0.15 of each other 28 % of the time.
        assertThat(paired).as(paired + " of " + adam).isGreaterThan(adam * 2 / 3);
    }

    @Test
    void aJointDensityIntegratesToOne() {
        ParameterModel x = ParameterModel.of(new Distribution.FloatRange(0, 1, false, null));
        ParameterModel units = ParameterModel.of(new Distribution.IntRange(1, 5, 1));
        ParameterModel c = ParameterModel.of(new Distribution.Choice(List.of("a", "b", "c")));
        JointEstimator e = JointEstimator.of(List.of(x, units, c), new double[][] {
                {0.1, 0.15, 0.8, 0.5}, {1, 1, 4, 5}, {0, 0, 2, 1}});
        double total = 0;
        int steps = 2000;
        for (int i = 0; i < steps; i++) {
            double xi = (i + 0.5) / steps;
            for (int u = 1; u <= 5; u++) {
                for (int k = 0; k < 3; k++) {
                    total += Math.exp(e.logPdf(new double[] {xi, u, k})) / steps;
                }
            }
        }
        assertThat(total).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-3));

        SplittableRandom rng = new SplittableRandom(1);
        for (int i = 0; i < 1000; i++) {
            double[] p = e.sample(rng);
            assertThat(p[0]).isBetween(0.0, 1.0);
            assertThat(p[1]).isBetween(1.0, 5.0).isEqualTo(Math.rint(p[1]));
            assertThat(p[2]).isIn(0.0, 1.0, 2.0);
        }
    }
}
