package dev.hypersearch.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GeneratedDatasetsTest {

    static Stream<Arguments> generators() {
        return Stream.of(
                Arguments.of("xor", (LongFunction<Dataset>) seed -> GeneratedDatasets.xor(200, 0.35, seed)),
                Arguments.of("spiral", (LongFunction<Dataset>) seed -> GeneratedDatasets.spiral(100, 3, 0.2, seed)),
                Arguments.of("regression", (LongFunction<Dataset>) seed -> GeneratedDatasets.regression(200, 0.1, seed)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("generators")
    void deterministicBySeed(String name, LongFunction<Dataset> generator) {
        Dataset a = generator.apply(7);
        Dataset b = generator.apply(7);
        Dataset c = generator.apply(8);
        assertThat(b.features()).isDeepEqualTo(a.features());
        assertThat(Arrays.deepEquals(c.features(), a.features())).isFalse();
        if (a.isClassification()) {
            assertThat(b.labels()).isEqualTo(a.labels());
        } else {
            assertThat(b.targets()).isEqualTo(a.targets());
        }
    }

    @Test
    void xorShapeBalanceAndQuadrants() {
        Dataset xor = GeneratedDatasets.xor(200, 0.35, 1);
        assertThat(xor.size()).isEqualTo(200);
        assertThat(xor.numFeatures()).isEqualTo(2);
        assertThat(xor.classCounts()).containsExactly(100, 100);
        // Most points sit in their cluster's quadrant, where the sign product decides the class.
        int agree = 0;
        int[] labels = xor.labels();
        for (int i = 0; i < xor.size(); i++) {
            boolean sameSign = xor.feature(i, 0) * xor.feature(i, 1) > 0;
            if (sameSign == (labels[i] == 0)) {
                agree++;
            }
        }
        assertThat(agree).isGreaterThan(180);
    }

    @Test
    void spiralShapeBalanceAndRadius() {
        Dataset spiral = GeneratedDatasets.spiral(100, 3, 0.2, 1);
        assertThat(spiral.size()).isEqualTo(300);
        assertThat(spiral.numFeatures()).isEqualTo(2);
        assertThat(spiral.classCounts()).containsExactly(100, 100, 100);
        for (int i = 0; i < spiral.size(); i++) {
            double r = Math.hypot(spiral.feature(i, 0), spiral.feature(i, 1));
            double expected = (i % 100) / 99.0; // radius = linspace(0, 1, N) within each class
            assertThat(r).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-12));
        }
    }

    @Test
    void regressionFollowsItsFormulaUpToNoise() {
        Dataset reg = GeneratedDatasets.regression(200, 0.1, 1);
        assertThat(reg.size()).isEqualTo(200);
        assertThat(reg.numFeatures()).isEqualTo(2);
        assertThat(reg.isClassification()).isFalse();
        double[] y = reg.targets();
        double sumSq = 0;
        for (int i = 0; i < y.length; i++) {
            double x1 = reg.feature(i, 0);
            double x2 = reg.feature(i, 1);
            assertThat(x1).isBetween(-3.0, 3.0);
            assertThat(x2).isBetween(-2.0, 2.0);
            double residual = y[i] - (Math.sin(x1) + 0.5 * x2 * x2);
            sumSq += residual * residual;
        }
        assertThat(Math.sqrt(sumSq / y.length)).isBetween(0.05, 0.2); // noise std 0.1
    }
}
