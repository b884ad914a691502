package dev.hypersearch.trial;

import dev.hypersearch.data.Dataset;
import dev.hypersearch.data.DatasetTables;
import dev.hypersearch.data.Split;
import dev.hypersearch.data.Splits;
import dev.hypersearch.data.pipeline.FittedPipeline;
import dev.hypersearch.data.table.Table;
import dev.hypersearch.data.table.Target;
import dev.hypersearch.nn.TrainingData;
import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * Holdout split or k folds (stratified for classification) and preprocessing fitted on the training rows
 * only: for k folds, one {@link FittedPipeline} per fold, fitted on that fold's training part. On an
 * all-numeric complete table the inputs are exactly the standardization trials always had. Regression targets
 * are standardized too (both sides, with the training rows' mean and std), so the validation loss is in
 * standardized units and {@link ValidationMetrics} restores the target's own units.
 */
public final class DataPreparation {

    private DataPreparation() {
    }

    public static PreparedData holdout(Table table, double validationFraction, long seed) {
        return prepare(table, Splits.holdout(table, validationFraction, seed));
    }

    /**
     * k seeded folds, each prepared alone. Seeded by the search seed like the holdout, so every trial of a
     * search is scored on the same folds; cacheable per (dataset, k, seed).
     */
    public static List<PreparedData> kFold(Table table, int k, long seed) {
        List<PreparedData> folds = new ArrayList<>(k);
        for (Split split : Splits.kFold(table, k, seed)) {
            folds.add(prepare(table, split));
        }
        return List.copyOf(folds);
    }

    public static PreparedData holdout(Dataset dataset, double validationFraction, long seed) {
        return holdout(DatasetTables.of(dataset), validationFraction, seed);
    }

    public static List<PreparedData> kFold(Dataset dataset, int k, long seed) {
        return kFold(DatasetTables.of(dataset), k, seed);
    }

    /** Fits the pipeline on the split's training rows and applies it to both sides. */
    public static PreparedData prepare(Table table, Split split) {
        int[] train = split.train();
        int[] validation = split.validation();
        FittedPipeline pipeline = FittedPipeline.fit(table, train, FittedPipeline.DEFAULT_LEVEL_LIMIT);
        int classes = table.target() instanceof Target.Classes c ? c.classes().size() : 0;
        return new PreparedData(trainingData(table, pipeline, train), trainingData(table, pipeline, validation),
                pipeline.width(), classes, classes > 0, pipeline);
    }

    /**
     * Fits on every row and trains and scores on them too (a model's refit: no held-out rows are left); the
     * one transformed matrix serves as both sides.
     */
    public static PreparedData allRows(Table table) {
        int[] all = all(table.rows());
        FittedPipeline pipeline = FittedPipeline.fit(table, all, FittedPipeline.DEFAULT_LEVEL_LIMIT);
        int classes = table.target() instanceof Target.Classes c ? c.classes().size() : 0;
        TrainingData data = trainingData(table, pipeline, all);
        return new PreparedData(data, data, pipeline.width(), classes, classes > 0, pipeline);
    }

    private static TrainingData trainingData(Table table, FittedPipeline pipeline, int[] rows) {
        DMatrixRMaj x = pipeline.transform(table, rows);
        if (table.target() instanceof Target.Classes c) {
            int[] labels = new int[rows.length];
            for (int i = 0; i < rows.length; i++) {
                labels[i] = c.label(rows[i]);
            }
            return TrainingData.classification(x, labels, c.classes().size());
        }
        Target.Values v = (Target.Values) table.target();
        DMatrixRMaj y = new DMatrixRMaj(rows.length, 1);
        for (int i = 0; i < rows.length; i++) {
            y.data[i] = pipeline.target().standardize(v.value(rows[i]));
        }
        return TrainingData.regression(x, y);
    }

    private static int[] all(int n) {
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        return rows;
    }
}
