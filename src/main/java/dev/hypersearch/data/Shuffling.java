package dev.hypersearch.data;

import java.util.Random;

/**
 * Seeded index shuffling shared by the splitters. {@link Random} because its algorithm is fixed by
 * its specification, so a seed gives the same split on every JVM.
 */
final class Shuffling {

    private Shuffling() {
    }

    /** Fisher-Yates shuffle in place. */
    static void shuffle(int[] a, Random rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** Row indices of each class, ascending; index = label, classes 0..max(label). */
    static int[][] byClass(int[] labels) {
        int numClasses = 0;
        for (int label : labels) {
            if (label < 0) {
                throw new IllegalArgumentException("labels must be >= 0, got " + label);
            }
            numClasses = Math.max(numClasses, label + 1);
        }
        int[] counts = new int[numClasses];
        for (int label : labels) {
            counts[label]++;
        }
        int[][] groups = new int[numClasses][];
        for (int c = 0; c < numClasses; c++) {
            groups[c] = new int[counts[c]];
        }
        int[] fill = new int[numClasses];
        for (int i = 0; i < labels.length; i++) {
            groups[labels[i]][fill[labels[i]]++] = i;
        }
        return groups;
    }

    /** Number of validation rows for n rows: the fraction rounded, leaving at least one row per side. */
    static int validationSize(int n, double validationFraction) {
        if (!(validationFraction > 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("validation fraction must be in (0, 1), got " + validationFraction);
        }
        if (n < 2) {
            throw new IllegalArgumentException("need at least 2 rows to split, got " + n);
        }
        long v = Math.round(n * validationFraction);
        return (int) Math.max(1, Math.min(n - 1, v));
    }
}
