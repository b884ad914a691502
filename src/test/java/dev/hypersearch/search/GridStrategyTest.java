package dev.hypersearch.search;

import static dev.hypersearch.search.SpecFixtures.choice;
import static dev.hypersearch.search.SpecFixtures.obj;
import static dev.hypersearch.search.SpecFixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GridStrategyTest {

    private static final List<Integer> UNITS = List.of(32, 64, 128);
    private static final List<String> ACTIVATIONS = List.of("relu", "tanh");
    private static final List<Boolean> BATCH_NORM = List.of(true, false);

    /** Keys deliberately given in reverse canonical order (canonical: hiddenUnits, activation, batchNorm). */
    private static Map<String, Object> space3x2x2Reversed() {
        return obj("batchNorm", choice(true, false), "activation", choice("relu", "tanh"),
                "hiddenUnits", choice(32, 64, 128));
    }

    private static Map<String, Object> space3x2x2Canonical() {
        return obj("hiddenUnits", choice(32, 64, 128), "activation", choice("relu", "tanh"),
                "batchNorm", choice(true, false));
    }

    private static List<TrialParams> all(Strategy s) {
        List<TrialParams> out = new ArrayList<>();
        for (long k = 0; k < s.trialCount(); k++) {
            out.add(s.paramsFor(k));
        }
        return out;
    }

    @Test
    void fullGridIsMixedRadixWithLastParameterFastest() {
        Strategy s = Strategies.create(SearchSpec.parse(spec("grid", null, space3x2x2Reversed())));
        List<TrialParams> trials = all(s);

        assertThat(s.trialCount()).isEqualTo(12);
        assertThat(new HashSet<>(trials)).hasSize(12);
        for (int k = 0; k < 12; k++) {
            TrialParams p = trials.get(k);
            // digits of k in radices (3, 2, 2): batchNorm changes every trial, activation every 2, units every 4
            assertThat(p.hiddenUnits()).isEqualTo(UNITS.get(k / 4));
            assertThat(p.activation().name()).isEqualTo(ACTIVATIONS.get(k / 2 % 2));
            assertThat(p.batchNorm()).isEqualTo(BATCH_NORM.get(k % 2));
            // parameters not searched carry their defaults
            assertThat(p.optimizer().name()).isEqualTo("adam");
            assertThat(p.epochs()).isEqualTo(20);
        }
    }

    @Test
    void gridOrderDoesNotDependOnKeyOrder() {
        List<TrialParams> a = all(Strategies.create(SearchSpec.parse(spec("grid", null, space3x2x2Reversed()))));
        List<TrialParams> b = all(Strategies.create(SearchSpec.parse(spec("grid", null, space3x2x2Canonical()))));
        assertThat(a).isEqualTo(b);
        assertThat(a.get(0).values().keySet()).containsExactlyElementsOf(TestParams.namesUnderDefaults());
    }

    @Test
    void budgetAtLeastGridSizeRunsWholeGridInIndexOrder() {
        GridStrategy s = (GridStrategy) Strategies.create(SearchSpec.parse(spec("grid", 50, space3x2x2Canonical())));
        assertThat(s.trialCount()).isEqualTo(12);
        assertThat(s.coversGrid()).isTrue();
        for (long k = 0; k < 12; k++) {
            assertThat(s.gridIndex(k)).isEqualTo(k);
        }
    }

    @Test
    void smallerBudgetIsSeededDistinctSubsetOfGrid() {
        Map<String, Object> space = obj("hiddenUnits", choice(16, 32, 64, 128, 256),
                "activation", choice("relu", "tanh", "elu", "sigmoid"),
                "l2", SpecFixtures.floatRange(1e-6, 1e-2, true, 5));
        SearchSpec full = SearchSpec.parse(spec("grid", null, space));
        List<TrialParams> grid = all(Strategies.create(full));
        assertThat(grid).hasSize(100);

        Map<String, Object> budgeted = spec("grid", 30, space);
        List<TrialParams> a = all(Strategies.create(SearchSpec.parse(budgeted)));
        List<TrialParams> again = all(Strategies.create(SearchSpec.parse(budgeted)));
        budgeted.put("seed", 43);
        List<TrialParams> otherSeed = all(Strategies.create(SearchSpec.parse(budgeted)));

        assertThat(a).hasSize(30);
        assertThat(new HashSet<>(a)).hasSize(30);
        assertThat(grid).containsAll(a);
        assertThat(again).isEqualTo(a);
        assertThat(otherSeed).isNotEqualTo(a);
        assertThat(a).isNotEqualTo(grid.subList(0, 30)); // a spread sample, not the grid's first rows
    }

    @Test
    void sparseShuffleSamplesWithoutReplacementUniformly() {
        int n = 10;
        int[] firstHits = new int[n];
        SplittableRandom rng = new SplittableRandom(11);
        for (int rep = 0; rep < 20_000; rep++) {
            long[] pick = GridStrategy.sampleIndices(n, 4, rng);
            assertThat(new HashSet<>(List.of(pick[0], pick[1], pick[2], pick[3]))).hasSize(4);
            for (long p : pick) {
                assertThat(p).isBetween(0L, (long) n - 1);
            }
            firstHits[(int) pick[0]]++;
        }
        for (int hits : firstHits) {
            assertThat(hits / 20_000.0).isBetween(0.08, 0.12);
        }
        // budget equal to the size is a full permutation
        long[] perm = GridStrategy.sampleIndices(n, n, rng);
        assertThat(new HashSet<>(java.util.Arrays.stream(perm).boxed().toList())).hasSize(n);
    }
}
