package dev.hypersearch.data;

import static dev.hypersearch.data.SplitAssertions.assertPartition;
import static dev.hypersearch.data.SplitAssertions.countClasses;
import static dev.hypersearch.data.SplitAssertions.labels;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StratifiedSplitTest {

    static Stream<Arguments> cases() {
        int[][] classCounts = {{50, 50, 50}, {212, 357}, {59, 71, 48}, {100, 30, 12, 5, 3}, {7, 3}};
        double[] fractions = {0.1, 0.2, 0.25, 1.0 / 3, 0.5, 0.8};
        Stream.Builder<Arguments> b = Stream.builder();
        for (int[] counts : classCounts) {
            for (double f : fractions) {
                for (long seed : new long[] {1, 42}) {
                    b.add(Arguments.of(counts, f, seed));
                }
            }
        }
        return b.build();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void sizesCoverageAndClassRatios(int[] classCounts, double fraction, long seed) {
        int[] labels = labels(classCounts);
        int n = labels.length;
        Split split = StratifiedSplit.split(labels, fraction, seed);

        int expectedValidation = (int) Math.round(n * fraction);
        assertThat(split.validation()).hasSize(expectedValidation);
        assertThat(split.train()).hasSize(n - expectedValidation);
        assertPartition(split, n);

        int[] inValidation = countClasses(labels, split.validation(), classCounts.length);
        // Every class here has >= 2 rows; one row per class on each side needs room on both sides.
        boolean roomOnBothSides = Math.min(expectedValidation, n - expectedValidation) >= classCounts.length;
        for (int c = 0; c < classCounts.length; c++) {
            double exact = (double) classCounts[c] * expectedValidation / n;
            assertThat((double) inValidation[c]).as("class %d", c).isCloseTo(exact, offset(1.0));
            if (roomOnBothSides) {
                assertThat(inValidation[c]).as("class %d has validation rows", c).isPositive();
                assertThat(inValidation[c]).as("class %d has train rows", c).isLessThan(classCounts[c]);
            }
        }
    }

    @Test
    void sameSeedSameSplitDifferentSeedDifferentSplit() {
        int[] labels = labels(50, 50, 50);
        Split a = StratifiedSplit.split(labels, 0.2, 7);
        Split b = StratifiedSplit.split(labels, 0.2, 7);
        Split c = StratifiedSplit.split(labels, 0.2, 8);
        assertThat(b.validation()).isEqualTo(a.validation());
        assertThat(b.train()).isEqualTo(a.train());
        assertThat(c.validation()).isNotEqualTo(a.validation());
    }

    @Test
    void smallClassesGetARowOnEachSideWhenTheFractionAllows() {
        int[] classCounts = {100, 2, 2, 3};
        int[] labels = labels(classCounts);
        Split split = StratifiedSplit.split(labels, 0.1, 3); // exact shares of the small classes round to 0
        assertPartition(split, labels.length);
        assertThat(split.validation()).hasSize(11);
        int[] inValidation = countClasses(labels, split.validation(), 4);
        int[] inTrain = countClasses(labels, split.train(), 4);
        for (int c = 0; c < 4; c++) {
            assertThat(inValidation[c]).as("class %d", c).isPositive();
            assertThat(inTrain[c]).as("class %d", c).isPositive();
        }
    }

    @Test
    void aSingletonClassStaysOnOneSide() {
        int[] labels = labels(20, 1);
        Split split = StratifiedSplit.split(labels, 0.2, 5);
        assertPartition(split, labels.length);
        assertThat(split.validation()).hasSize(4);
    }

    @Test
    void tinyFractionStillLeavesOneValidationRow() {
        Split split = StratifiedSplit.split(labels(5, 5), 0.01, 1);
        assertThat(split.validation()).hasSize(1);
        assertPartition(split, 10);
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> StratifiedSplit.split(labels(5, 5), 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StratifiedSplit.split(labels(5, 5), 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StratifiedSplit.split(new int[] {0}, 0.5, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StratifiedSplit.split(new int[] {0, -1}, 0.5, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void splitsDispatchOnTask() {
        Dataset iris = BuiltinDatasets.load("iris");
        Split split = Splits.holdout(iris, 0.2, 11);
        assertThat(countClasses(iris.labels(), split.validation(), 3)).containsExactly(10, 10, 10);

        Dataset regression = BuiltinDatasets.load("regression");
        Split plain = Splits.holdout(regression, 0.25, 11);
        assertThat(plain.validation()).hasSize(50);
        assertPartition(plain, regression.size());
    }
}
