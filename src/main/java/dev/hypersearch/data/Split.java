package dev.hypersearch.data;

/**
 * Row indices of one train/validation split, each array sorted ascending and disjoint from the other.
 * The arrays are copied in and out, so a Split can be shared.
 */
public record Split(int[] train, int[] validation) {

    public Split {
        train = train.clone();
        validation = validation.clone();
    }

    @Override
    public int[] train() {
        return train.clone();
    }

    @Override
    public int[] validation() {
        return validation.clone();
    }

    /** Number of rows on both sides together. */
    public int size() {
        return train.length + validation.length;
    }
}
