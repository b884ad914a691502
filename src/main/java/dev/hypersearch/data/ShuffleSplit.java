package dev.hypersearch.data;

import java.util.Arrays;
import java.util.Random;

/** A plain seeded random train/validation split, for regression where there are no classes to balance. */
public final class ShuffleSplit {

    private ShuffleSplit() {
    }

    /**
     * @param n number of rows
     * @param validationFraction in (0, 1); the validation side gets round(n * fraction) rows, at least
     *     one and at most n - 1
     */
    public static Split split(int n, double validationFraction, long seed) {
        int v = Shuffling.validationSize(n, validationFraction);
        int[] order = new int[n];
        Arrays.setAll(order, i -> i);
        Shuffling.shuffle(order, new Random(seed));
        int[] validation = Arrays.copyOfRange(order, 0, v);
        int[] train = Arrays.copyOfRange(order, v, n);
        Arrays.sort(validation);
        Arrays.sort(train);
        return new Split(train, validation);
    }
}
