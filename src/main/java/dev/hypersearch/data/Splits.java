package dev.hypersearch.data;

import java.util.List;

/** Picks the right splitter for a data set: stratified for classification, plain shuffle for regression. */
public final class Splits {

    private Splits() {
    }

    /** One seeded train/validation split of the whole set. */
    public static Split holdout(Dataset data, double validationFraction, long seed) {
        return data.isClassification()
                ? StratifiedSplit.split(data.labels(), validationFraction, seed)
                : ShuffleSplit.split(data.size(), validationFraction, seed);
    }

    /** k seeded folds of the whole set. */
    public static List<Split> kFold(Dataset data, int k, long seed) {
        return data.isClassification()
                ? KFold.stratified(data.labels(), k, seed)
                : KFold.plain(data.size(), k, seed);
    }
}
