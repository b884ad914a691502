package dev.hypersearch.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.IntStream;

/** Checks shared by the split tests. */
final class SplitAssertions {

    private SplitAssertions() {
    }

    /** Train and validation are sorted, disjoint, and together cover rows 0..n-1 exactly once. */
    static void assertPartition(Split split, int n) {
        int[] train = split.train();
        int[] validation = split.validation();
        assertThat(train).isSorted();
        assertThat(validation).isSorted();
        int[] all = IntStream.concat(Arrays.stream(train), Arrays.stream(validation)).sorted().toArray();
        assertThat(all).isEqualTo(IntStream.range(0, n).toArray());
    }

    /** Rows per class among the given rows. */
    static int[] countClasses(int[] labels, int[] rows, int numClasses) {
        int[] counts = new int[numClasses];
        for (int row : rows) {
            counts[labels[row]]++;
        }
        return counts;
    }

    /** Labels with the given number of rows per class, interleaved so classes are not in blocks. */
    static int[] labels(int... classCounts) {
        int n = Arrays.stream(classCounts).sum();
        int[] labels = new int[n];
        int[] left = classCounts.clone();
        for (int i = 0, c = 0; i < n; c = (c + 1) % left.length) {
            if (left[c] > 0) {
                labels[i++] = c;
                left[c]--;
            }
        }
        return labels;
    }
}
