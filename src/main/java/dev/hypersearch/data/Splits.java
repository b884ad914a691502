package dev.hypersearch.data;

import dev.hypersearch.data.table.Table;
import dev.hypersearch.data.table.Target;
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

    /** One seeded split of a table's rows: stratified by its classes, as for a {@link Dataset}. */
    public static Split holdout(Table table, double validationFraction, long seed) {
        return table.target() instanceof Target.Classes c
                ? StratifiedSplit.split(c.labels(), validationFraction, seed)
                : ShuffleSplit.split(table.rows(), validationFraction, seed);
    }

    /** k seeded folds of a table's rows, as for a {@link Dataset}. */
    public static List<Split> kFold(Table table, int k, long seed) {
        return table.target() instanceof Target.Classes c
                ? KFold.stratified(c.labels(), k, seed)
                : KFold.plain(table.rows(), k, seed);
    }
}
