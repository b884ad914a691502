package dev.hypersearch.trial;

import dev.hypersearch.data.Dataset;
import dev.hypersearch.data.Split;
import dev.hypersearch.data.Splits;
import dev.hypersearch.data.Standardizer;
import dev.hypersearch.nn.TrainingData;
import org.ejml.data.DMatrixRMaj;

/** Holdout split (stratified for classification) and standardization fitted on the training rows only. */
public final class DataPreparation {

    private DataPreparation() {
    }

    public static PreparedData holdout(Dataset dataset, double validationFraction, long seed) {
        Split split = Splits.holdout(dataset, validationFraction, seed);
        return prepare(dataset.subset(split.train()), dataset.subset(split.validation()));
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
