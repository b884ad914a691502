package dev.hypersearch.search;

import static dev.hypersearch.search.SpecFixtures.choice;
import static dev.hypersearch.search.SpecFixtures.floatRange;
import static dev.hypersearch.search.SpecFixtures.intRange;
import static dev.hypersearch.search.SpecFixtures.obj;
import static dev.hypersearch.search.SpecFixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RandomStrategyTest {

    private static Map<String, Object> space() {
        return obj("learningRate", floatRange(1e-4, 1e-1, true, null),
                "hiddenLayers", intRange(1, 3, 1),
                "hiddenUnits", intRange(16, 256, 16),
                "activation", choice("relu", "tanh", "leaky_relu", "elu", "sigmoid"),
                "batchNorm", choice(true, false),
                "l2", floatRange(1e-6, 1e-2, true, null));
    }

    private static Strategy strategy(long seed, int trials) {
        Map<String, Object> raw = spec("random", trials, space());
        raw.put("seed", seed);
        return Strategies.create(SearchSpec.parse(raw));
    }

    private static List<TrialParams> inOrder(Strategy s) {
        List<TrialParams> out = new ArrayList<>();
        for (long k = 0; k < s.trialCount(); k++) {
            out.add(s.paramsFor(k));
        }
        return out;
    }

    @Test
    void trialIsTheSameAloneOrAfterOthers() {
        List<TrialParams> sequential = inOrder(strategy(42, 40));
        // a fresh strategy asked only for trial 37, then backwards, as scattered workers would
        assertThat(strategy(42, 40).paramsFor(37)).isEqualTo(sequential.get(37));
        Strategy backwards = strategy(42, 40);
        for (int k = 39; k >= 0; k--) {
            assertThat(backwards.paramsFor(k)).isEqualTo(sequential.get(k));
        }
        // the budget does not change what trial k is
        assertThat(strategy(42, 1000).paramsFor(37)).isEqualTo(sequential.get(37));
    }

    @Test
    void sameSeedReplaysDifferentSeedDiffers() {
        assertThat(inOrder(strategy(42, 30))).isEqualTo(inOrder(strategy(42, 30)));
        assertThat(inOrder(strategy(43, 30))).isNotEqualTo(inOrder(strategy(42, 30)));
        List<TrialParams> trials = inOrder(strategy(42, 30));
        assertThat(trials.get(0)).isNotEqualTo(trials.get(1)); // neighbouring trials are independent draws
    }

    @Test
    void drawsRespectEveryDistribution() {
        for (TrialParams p : inOrder(strategy(7, 500))) {
            assertThat(p.learningRate()).isBetween(1e-4, 1e-1);
            assertThat(p.hiddenLayers()).isBetween(1, 3);
            assertThat(p.hiddenUnits()).isBetween(16, 256);
            assertThat(p.hiddenUnits() % 16).isZero();
            assertThat(p.activation().name()).isIn("relu", "tanh", "leaky_relu", "elu", "sigmoid");
            assertThat(p.l2()).isBetween(1e-6, 1e-2);
            assertThat(p.optimizer().name()).isEqualTo("adam"); // default, not searched
            assertThat(p.values().containsKey("leakySlope")).isEqualTo(p.activation().name().equals("leaky_relu"));
            assertThat(p.values().containsKey("eluAlpha")).isEqualTo(p.activation().name().equals("elu"));
            assertThat(p.values()).doesNotContainKey("momentum");
        }
    }

    @Test
    void trialNumbersOutsideTheBudgetAreRejected() {
        Strategy s = strategy(1, 5);
        assertThat(s.trialCount()).isEqualTo(5);
        assertThatThrownBy(() -> s.paramsFor(5)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> s.paramsFor(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
