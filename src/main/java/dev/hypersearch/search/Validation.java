package dev.hypersearch.search;

/** How a search scores its trials: on a holdout fraction of the rows, or by k-fold cross-validation. */
public sealed interface Validation {

    /** Trains on the rest, scores on {@code fraction} of the rows. */
    record Holdout(double fraction) implements Validation {
    }

    /** Trains k models, each scored on one of {@code folds} folds; the trial's metrics are their means. */
    record KFold(int folds) implements Validation {
    }
}
