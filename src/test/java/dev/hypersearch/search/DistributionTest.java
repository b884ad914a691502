package dev.hypersearch.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.hypersearch.search.Distribution.Choice;
import dev.hypersearch.search.Distribution.Fixed;
import dev.hypersearch.search.Distribution.FloatRange;
import dev.hypersearch.search.Distribution.IntRange;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DistributionTest {

    @Test
    void linearGridHasExactEndpointsAndConstantDifferences() {
        FloatRange r = new FloatRange(0.0, 0.9, false, 10);
        assertThat(r.gridSize()).isEqualTo(10);
        assertThat((double) r.gridValue(0)).isEqualTo(0.0);
        assertThat((double) r.gridValue(9)).isEqualTo(0.9);
        double step = (0.9 - 0.0) / 9;
        for (int i = 1; i < 10; i++) {
            assertThat((double) r.gridValue(i) - (double) r.gridValue(i - 1)).isCloseTo(step, within(1e-12));
        }
    }

    @Test
    void logGridHasExactEndpointsAndConstantRatios() {
        FloatRange r = new FloatRange(1e-5, 1e-1, true, 5);
        assertThat((double) r.gridValue(0)).isEqualTo(1e-5);
        assertThat((double) r.gridValue(4)).isEqualTo(1e-1);
        double ratio = Math.pow(1e-1 / 1e-5, 1.0 / 4);
        for (int i = 1; i < 5; i++) {
            assertThat((double) r.gridValue(i) / (double) r.gridValue(i - 1)).isCloseTo(ratio, within(1e-9));
        }
    }

    @Test
    void singlePointGridIsMin() {
        assertThat(new FloatRange(0.5, 2.0, false, 1).gridValue(0)).isEqualTo(0.5);
    }

    @Test
    void floatRangeWithoutPointsHasNoGrid() {
        assertThatThrownBy(() -> new FloatRange(0, 1, false).gridSize()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void logSamplingPutsAboutAThirdInEachDecade() {
        FloatRange r = new FloatRange(1e-4, 1e-1, true);
        SplittableRandom rng = new SplittableRandom(7);
        int n = 30_000;
        int[] decade = new int[3];
        for (int i = 0; i < n; i++) {
            double x = (double) r.sample(rng);
            assertThat(x).isBetween(1e-4, 1e-1);
            decade[x < 1e-3 ? 0 : x < 1e-2 ? 1 : 2]++;
        }
        // Binomial sd is about 0.0027 of n here; 0.03 is a generous bound.
        for (int count : decade) {
            assertThat((double) count / n).isCloseTo(1.0 / 3, within(0.03));
        }
    }

    @Test
    void linearSamplingStaysInBoundsAndSpreads() {
        FloatRange r = new FloatRange(2.0, 3.0, false);
        SplittableRandom rng = new SplittableRandom(1);
        int below = 0;
        for (int i = 0; i < 10_000; i++) {
            double x = (double) r.sample(rng);
            assertThat(x).isBetween(2.0, 3.0);
            if (x < 2.5) {
                below++;
            }
        }
        assertThat(below / 10_000.0).isCloseTo(0.5, within(0.05));
    }

    @Test
    void intRangeWithStepGridsAndSamplesOnlyItsSteps() {
        IntRange r = new IntRange(8, 130, 8); // 8, 16, ..., 128: 130 is not on a step
        assertThat(r.gridSize()).isEqualTo(16);
        assertThat(r.gridValue(0)).isEqualTo(8L);
        assertThat(r.gridValue(15)).isEqualTo(128L);
        SplittableRandom rng = new SplittableRandom(3);
        Set<Object> seen = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            long x = (long) r.sample(rng);
            assertThat(x).isBetween(8L, 128L);
            assertThat(x % 8).isZero();
            seen.add(x);
        }
        assertThat(seen).hasSize(16); // every step is reachable
    }

    @Test
    void intRangeDefaultStepIsOne() {
        assertThat(new IntRange(1, 3).gridSize()).isEqualTo(3);
    }

    @Test
    void choiceAndFixed() {
        Choice c = new Choice(List.of("a", "b", "c"));
        assertThat(c.gridSize()).isEqualTo(3);
        assertThat(c.gridValue(2)).isEqualTo("c");
        SplittableRandom rng = new SplittableRandom(5);
        Set<Object> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            seen.add(c.sample(rng));
        }
        assertThat(seen).containsExactlyInAnyOrder("a", "b", "c");
        Fixed f = new Fixed(3);
        assertThat(f.gridSize()).isEqualTo(1);
        assertThat(f.sample(rng)).isEqualTo(3);
    }

    @Test
    void constructorsRejectInvalidDistributions() {
        assertThatThrownBy(() -> new IntRange(5, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IntRange(1, 5, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FloatRange(0, 1, true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FloatRange(Double.NaN, 1, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Choice(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
