package dev.hypersearch.trial;

import dev.hypersearch.data.Dataset;
import dev.hypersearch.data.Split;
import dev.hypersearch.data.Splits;
import dev.hypersearch.data.Standardizer;
import dev.hypersearch.nn.TrainingData;
import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * Holdout split or k folds (stratified for classification) and standardization fitted on the training rows
 * only: for k folds, one standardizer per fold, fitted on that fold's training part.
 */
public final class DataPreparation {

    private DataPreparation() {
    }

    public static PreparedData holdout(Dataset dataset, double validationFraction, long seed) {
        Split split = Splits.holdout(dataset, validationFraction, seed);
        return prepare(dataset.subset(split.train()), dataset.subset(split.validation()));
    }

    /**
     * k seeded folds, each prepared alone. Seeded by the search seed like the holdout, so every trial of a
     * search is scored on the same folds; cacheable per (dataset, k, seed).
     */
    public static List<PreparedData> kFold(Dataset dataset, int k, long seed) {
        List<PreparedData> folds = new ArrayList<>(k);
        for (Split split : Splits.kFold(dataset, k, seed)) {
            folds.add(prepare(dataset.subset(split.train()), dataset.subset(split.validation())));
        }
        return List.copyOf(folds);
    }

    /** Fits the standardizer on {@code train} and applies it to both sides. */
    public static PreparedData prepare(Dataset train, Dataset validation) {
        Standardizer standardizer = Standardizer.fit(train.features());
        Dataset scaledTrain = train.withFeatures(standardizer.transform(train.features()));
        Dataset scaledValidation = validation.withFeatures(standardizer.transform(validation.features()));
        return new PreparedData(toTrainingData(scaledTrain), toTrainingData(scaledValidation),
                train.numFeatures(), train.isClassification() ? train.numClasses() : 0, train.isClassification());
    }

    private static TrainingData toTrainingData(Dataset d) {
        if (d.isClassification()) {
            return TrainingData.classification(d.featureMatrix(), d.labels(), d.numClasses());
        }
        return TrainingData.regression(d.featureMatrix(), new DMatrixRMaj(d.size(), 1, true, d.targets()));
    }
}
