package dev.hypersearch.trial;

import dev.hypersearch.data.DatasetShape;
import dev.hypersearch.nn.TrainingData;

/**
 * A data set split and standardized for training: the same for every trial of a search (the split is
 * seeded by the search seed), so trials compete on equal ground and it can be cached.
 */
public record PreparedData(TrainingData train, TrainingData validation, int numFeatures, int numClasses,
                           boolean classification) {

    /**
     * Only the shape of a data set, no rows (train and validation are null): what {@link TrialConfigs#network}
     * reads to size a network, for estimating its memory before any data is loaded.
     */
    static PreparedData shapeOnly(DatasetShape shape) {
        return new PreparedData(null, null, shape.features(), shape.classes(), shape.classification());
    }
}
