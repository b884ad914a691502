package dev.hypersearch.data;

import static dev.hypersearch.data.SplitAssertions.assertPartition;
import static dev.hypersearch.data.SplitAssertions.countClasses;
import static dev.hypersearch.data.SplitAssertions.labels;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KFoldTest {

    private static final int[] CLASS_COUNTS = {100, 37, 12, 5};

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 5, 10})
    void stratifiedFoldsPartitionTheRowsAndKeepClassRatios(int k) {
        int[] labels = labels(CLASS_COUNTS);
        int n = labels.length;
        List<Split> folds = KFold.stratified(labels, k, 42);
        assertThat(folds).hasSize(k);

        int[] timesInValidation = new int[n];
        for (Split fold : folds) {
            assertPartition(fold, n);
            for (int row : fold.validation()) {
                timesInValidation[row]++;
            }
            assertThat((double) fold.validation().length).isCloseTo((double) n / k, offset(1.0));
            int[] perClass = countClasses(labels, fold.validation(), CLASS_COUNTS.length);
            for (int c = 0; c < CLASS_COUNTS.length; c++) {
                assertThat((double) perClass[c]).as("class %d", c)
                        .isCloseTo((double) CLASS_COUNTS[c] / k, offset(1.0));
            }
        }
        assertThat(timesInValidation).containsOnly(1);
    }

    @Test
    void plainFoldsPartitionTheRows() {
        List<Split> folds = KFold.plain(23, 4, 1);
        int[] timesInValidation = new int[23];
        for (Split fold : folds) {
            assertPartition(fold, 23);
            assertThat(fold.validation().length).isBetween(5, 6);
            for (int row : fold.validation()) {
                timesInValidation[row]++;
            }
        }
        assertThat(timesInValidation).containsOnly(1);
    }

    @Test
    void deterministicBySeed() {
        int[] labels = labels(CLASS_COUNTS);
        List<Split> a = KFold.stratified(labels, 5, 3);
        List<Split> b = KFold.stratified(labels, 5, 3);
        List<Split> c = KFold.stratified(labels, 5, 4);
        for (int f = 0; f < 5; f++) {
            assertThat(b.get(f).validation()).isEqualTo(a.get(f).validation());
        }
        assertThat(c.get(0).validation()).isNotEqualTo(a.get(0).validation());
    }

    @Test
    void splitsKFoldDispatchesOnTask() {
        Dataset wine = BuiltinDatasets.load("wine");
        List<Split> folds = Splits.kFold(wine, 3, 9);
        int[] counts = wine.classCounts();
        for (Split fold : folds) {
            int[] perClass = countClasses(wine.labels(), fold.validation(), 3);
            for (int c = 0; c < 3; c++) {
                assertThat((double) perClass[c]).isCloseTo(counts[c] / 3.0, offset(1.0));
            }
        }
        assertThat(Splits.kFold(BuiltinDatasets.load("regression"), 4, 9)).hasSize(4);
    }

    @Test
    void rejectsBadK() {
        assertThatThrownBy(() -> KFold.plain(10, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KFold.plain(10, 11, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
