package dev.hypersearch.data;

import java.util.Arrays;
import java.util.Random;

/**
 * A seeded train/validation split that keeps each class's share on both sides, so a small validation
 * set of an imbalanced data set still sees every class.
 *
 * <p>The validation side gets V = round(n * fraction) rows (at least one, at most n - 1). Each class
 * gets its exact share n_c * V / n rounded down, and the rows left over go to the classes with the
 * largest remainders (largest-remainder apportionment), so every class is within one row of its exact
 * share. Then every class with at least two rows is given at least one row on each side, moving a row
 * from or to the class that is furthest over or under its share, as far as V allows.
 */
public final class StratifiedSplit {

    private StratifiedSplit() {
    }

    /**
     * @param labels class index per row, each >= 0
     * @param validationFraction in (0, 1)
     */
    public static Split split(int[] labels, double validationFraction, long seed) {
        int n = labels.length;
        int v = Shuffling.validationSize(n, validationFraction);
        int[][] groups = Shuffling.byClass(labels);
        Random rng = new Random(seed);
        for (int[] group : groups) {
            Shuffling.shuffle(group, rng);
        }
        int[] counts = Arrays.stream(groups).mapToInt(g -> g.length).toArray();
        int[] quota = apportion(counts, n, v, rng);
        keepBothSides(counts, quota, n, v);

        int[] validation = new int[v];
        int[] train = new int[n - v];
        int vi = 0;
        int ti = 0;
        for (int c = 0; c < groups.length; c++) {
            for (int i = 0; i < groups[c].length; i++) {
                if (i < quota[c]) {
                    validation[vi++] = groups[c][i];
                } else {
                    train[ti++] = groups[c][i];
                }
            }
        }
        Arrays.sort(validation);
        Arrays.sort(train);
        return new Split(train, validation);
    }

    /** Largest-remainder apportionment of v validation rows; ties broken by the seeded rng. */
    private static int[] apportion(int[] counts, int n, int v, Random rng) {
        int k = counts.length;
        int[] quota = new int[k];
        long[] remainder = new long[k]; // of counts[c] * v / n, in units of 1/n: exact integer ties
        int given = 0;
        for (int c = 0; c < k; c++) {
            long share = (long) counts[c] * v;
            quota[c] = (int) (share / n);
            remainder[c] = share % n;
            given += quota[c];
        }
        Integer[] order = new Integer[k];
        int[] tieBreak = new int[k];
        for (int c = 0; c < k; c++) {
            order[c] = c;
            tieBreak[c] = rng.nextInt();
        }
        Arrays.sort(order, (a, b) -> remainder[a] != remainder[b]
                ? Long.compare(remainder[b], remainder[a])
                : Integer.compare(tieBreak[a], tieBreak[b]));
        for (int i = 0; given < v; i++) {
            quota[order[i]]++;
            given++;
        }
        return quota;
    }

    /** Moves single rows so classes with >= 2 rows have rows on both sides, keeping the total v. */
    private static void keepBothSides(int[] counts, int[] quota, int n, int v) {
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] < 2) {
                continue;
            }
            if (quota[c] == 0) {
                int donor = mostOver(counts, quota, n, v, c);
                if (donor >= 0) {
                    quota[donor]--;
                    quota[c]++;
                }
            } else if (quota[c] == counts[c]) {
                int receiver = mostUnder(counts, quota, n, v, c);
                if (receiver >= 0) {
                    quota[receiver]++;
                    quota[c]--;
                }
            }
        }
    }

    /** The class that can give up a validation row and is furthest above its share, or -1. */
    private static int mostOver(int[] counts, int[] quota, int n, int v, int except) {
        int best = -1;
        for (int d = 0; d < counts.length; d++) {
            boolean canGive = quota[d] >= 2 || (quota[d] == 1 && counts[d] == 1);
            if (d != except && canGive && (best < 0 || excess(counts, quota, n, v, d) > excess(counts, quota, n, v, best))) {
                best = d;
            }
        }
        return best;
    }

    /** The class that can take another validation row and is furthest below its share, or -1. */
    private static int mostUnder(int[] counts, int[] quota, int n, int v, int except) {
        int best = -1;
        for (int r = 0; r < counts.length; r++) {
            boolean canTake = quota[r] <= counts[r] - 2 || (counts[r] == 1 && quota[r] == 0);
            if (r != except && canTake && (best < 0 || excess(counts, quota, n, v, r) < excess(counts, quota, n, v, best))) {
                best = r;
            }
        }
        return best;
    }

    /** quota - exact share, scaled by n to stay in integers. */
    private static long excess(int[] counts, int[] quota, int n, int v, int c) {
        return (long) quota[c] * n - (long) counts[c] * v;
    }
}
