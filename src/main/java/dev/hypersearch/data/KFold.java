package dev.hypersearch.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Seeded k-fold cross-validation: k splits whose validation sides partition the rows.
 *
 * <p>Stratified version: each class's rows are shuffled, the classes are laid end to end and rows are
 * dealt to folds in turn (position mod k). Dealing continues across class boundaries, so fold sizes
 * differ by at most one and each class's count per fold differs by at most one between folds.
 */
public final class KFold {

    private KFold() {
    }

    /** k folds keeping class ratios; labels are class indices >= 0. */
    public static List<Split> stratified(int[] labels, int k, long seed) {
        checkK(labels.length, k);
        int[][] groups = Shuffling.byClass(labels);
        Random rng = new Random(seed);
        int[] fold = new int[labels.length];
        int position = 0;
        for (int[] group : groups) {
            Shuffling.shuffle(group, rng);
            for (int row : group) {
                fold[row] = position++ % k;
            }
        }
        return splits(fold, k);
    }

    /** k folds of a seeded shuffle of rows 0..n-1 (regression). */
    public static List<Split> plain(int n, int k, long seed) {
        return stratified(new int[n], k, seed);
    }

    private static List<Split> splits(int[] fold, int k) {
        int n = fold.length;
        int[] foldSize = new int[k];
        for (int f : fold) {
            foldSize[f]++;
        }
        List<Split> out = new ArrayList<>(k);
        for (int f = 0; f < k; f++) {
            int[] validation = new int[foldSize[f]];
            int[] train = new int[n - foldSize[f]];
            int vi = 0;
            int ti = 0;
            for (int row = 0; row < n; row++) { // ascending, so both sides come out sorted
                if (fold[row] == f) {
                    validation[vi++] = row;
                } else {
                    train[ti++] = row;
                }
            }
            out.add(new Split(train, validation));
        }
        return List.copyOf(out);
    }

    private static void checkK(int n, int k) {
        if (k < 2 || k > n) {
            throw new IllegalArgumentException("k must be in 2.." + n + " for " + n + " rows, got " + k);
        }
    }
}
