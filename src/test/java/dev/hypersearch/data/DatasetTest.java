package dev.hypersearch.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class DatasetTest {

    private static final double[][] X = {{1, 2}, {3, 4}, {5, 6}, {7, 8}};

    private static Dataset classification() {
        return Dataset.classification("toy", List.of("a", "b"), X, "label", new int[] {0, 1, 2, 1},
                List.of("x", "y", "z"));
    }

    @Test
    void exposesShapeAndBothFeatureViews() {
        Dataset d = classification();
        assertThat(d.size()).isEqualTo(4);
        assertThat(d.numFeatures()).isEqualTo(2);
        assertThat(d.numClasses()).isEqualTo(3);
        assertThat(d.isClassification()).isTrue();
        assertThat(d.classCounts()).containsExactly(1, 2, 1);
        assertThat(d.features()).isDeepEqualTo(X);
        DMatrixRMaj m = d.featureMatrix();
        assertThat(m.numRows).isEqualTo(4);
        assertThat(m.numCols).isEqualTo(2);
        assertThat(m.get(2, 1)).isEqualTo(6);
        assertThat(d.feature(3, 0)).isEqualTo(7);
        assertThat(d.row(1)).containsExactly(3, 4);
    }

    @Test
    void isImmutableThroughInputsAndAccessors() {
        double[][] x = {{1}, {2}};
        int[] labels = {0, 1};
        Dataset d = Dataset.classification("t", List.of("a"), x, "label", labels, List.of("n", "p"));
        x[0][0] = 99;
        labels[0] = 1;
        d.features()[1][0] = 99;
        d.labels()[1] = 0;
        d.featureMatrix().set(0, 0, 99);
        assertThat(d.features()).isDeepEqualTo(new double[][] {{1}, {2}});
        assertThat(d.labels()).containsExactly(0, 1);
    }

    @Test
    void subsetTakesRowsInOrderAndKeepsAllClasses() {
        Dataset s = classification().subset(new int[] {3, 0});
        assertThat(s.features()).isDeepEqualTo(new double[][] {{7, 8}, {1, 2}});
        assertThat(s.labels()).containsExactly(1, 0);
        assertThat(s.numClasses()).isEqualTo(3);
        assertThat(s.classNames()).containsExactly("x", "y", "z");
        assertThatThrownBy(() -> classification().subset(new int[] {4}))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void regressionHasTargetsAndNoClasses() {
        Dataset r = Dataset.regression("r", List.of("a", "b"), X, "y", new double[] {1, 2, 3, 4});
        assertThat(r.isClassification()).isFalse();
        assertThat(r.numClasses()).isZero();
        assertThat(r.subset(new int[] {2, 1}).targets()).containsExactly(3, 2);
        assertThatThrownBy(r::labels).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void withFeaturesAndClassNamesKeepTheRest() {
        Dataset d = classification();
        double[][] scaled = {{0, 0}, {1, 1}, {2, 2}, {3, 3}};
        assertThat(d.withFeatures(scaled).labels()).containsExactly(d.labels());
        assertThat(d.withFeatures(scaled).features()).isDeepEqualTo(scaled);
        assertThat(d.withClassNames(List.of("p", "q", "r")).classNames()).containsExactly("p", "q", "r");
        assertThatThrownBy(() -> d.withFeatures(new double[][] {{1, 2}}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.withClassNames(List.of("p")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsInconsistentInput() {
        List<String> ab = List.of("a", "b");
        List<String> two = List.of("n", "p");
        assertThatThrownBy(() -> Dataset.classification("t", ab, X, "l", new int[] {0, 1, 2, 0}, two))
                .hasMessageContaining("label 2");
        assertThatThrownBy(() -> Dataset.classification("t", ab, X, "l", new int[] {0, 1}, two))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Dataset.classification("t", List.of("a"), X, "l", new int[4], two))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Dataset.classification("t", ab, X, "l", new int[4], List.of("only")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Dataset.classification("t", ab, new double[][] {{1, 2}, {3}}, "l",
                new int[2], two)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Dataset.regression("t", ab, new double[][] {{1, Double.NaN}}, "y",
                new double[1])).isInstanceOf(IllegalArgumentException.class);
    }
}
