package dev.hypersearch.search.importance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.hypersearch.search.Space;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AxisTest {

    static final Space SPACE = Space.parse(Map.of(
            "learningRate", Map.of("floatRange", Map.of("min", 1e-4, "max", 1.0, "log", true)),
            "momentum", Map.of("floatRange", Map.of("min", 0.5, "max", 0.99, "log", false, "points", 5)),
            "hiddenLayers", Map.of("intRange", Map.of("min", 1, "max", 3)),
            "hiddenUnits", Map.of("choice", List.of(32, 64)),
            "activation", Map.of("choice", List.of("relu")),
            "epochs", 5));

    static Axis axis(String name) {
        return Axis.of(SPACE).stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void onlyVaryingParametersHaveAxesInCanonicalOrder() {
        assertThat(Axis.of(SPACE)).extracting(Axis::name)
                .containsExactly("learningRate", "hiddenLayers", "hiddenUnits", "momentum");
    }

    @Test
    void aLogRangeIsCutEvenlyOnTheLogAxis() {
        Axis lr = axis("learningRate");
        assertThat(lr.bins()).isEqualTo(50);
        assertThat(lr.bin(1e-4)).isZero();
        assertThat(lr.bin(1.0)).isEqualTo(49);
        // 1e-2 is halfway on the log axis: grid point 24.5, a tie, goes to the lower one.
        assertThat(lr.bin(1e-2)).isEqualTo(24);
        assertThat(lr.bin(1e-2 * 1.05)).isEqualTo(25);
        assertThat(lr.bin(1e-9)).as("clipped").isZero();
    }

    @Test
    void smallGridsKeepTheirOwnPointsAndChoicesTheirIndices() {
        assertThat(axis("hiddenLayers").bins()).isEqualTo(3);
        assertThat(axis("hiddenLayers").bin(2)).isEqualTo(1);
        assertThat(axis("momentum").bins()).isEqualTo(5);
        assertThat(axis("momentum").bin(0.99)).isEqualTo(4);
        Axis units = axis("hiddenUnits");
        assertThat(units.categorical()).isTrue();
        assertThat(units.bin(64)).isEqualTo(1);
        assertThat(units.bin(64L)).as("numbers match by value").isEqualTo(1);
        assertThat(units.bin(128)).as("not a listed choice").isEqualTo(-1);
        assertThat(units.bin(null)).as("not applicable").isEqualTo(-1);
    }

    @Test
    void parzenEstimatesAreProbabilitiesThatFollowTheObservations() {
        double[] counts = new double[10];
        counts[2] = 5;
        double[] p = GridParzen.pmf(counts, false);
        assertThat(java.util.Arrays.stream(p).sum()).isCloseTo(1, within(1e-12));
        assertThat(p[2]).isGreaterThan(p[1]).isGreaterThan(p[9]);
        assertThat(p[9]).as("the prior keeps every bin possible").isPositive();
        double[] c = GridParzen.pmf(new double[] {0, 3, 0}, true);
        assertThat(java.util.Arrays.stream(c).sum()).isCloseTo(1, within(1e-12));
        assertThat(c[0]).isEqualTo(c[2]).isLessThan(c[1]);
        assertThat(GridParzen.pmf(new double[4], false)).containsExactly(0.25, 0.25, 0.25, 0.25);
    }
}
