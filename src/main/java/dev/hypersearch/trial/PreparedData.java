package dev.hypersearch.trial;

import dev.hypersearch.data.DatasetShape;
import dev.hypersearch.data.pipeline.FittedPipeline;
import dev.hypersearch.nn.TrainingData;

/**
 * A data set split and preprocessed for training: the same for every trial of a search (the split is
 * seeded by the search seed), so trials compete on equal ground and it can be cached.
 *
 * @param numFeatures the pipeline's output width: the network's input size
 * @param pipeline    fitted on {@code train}'s rows; null for {@link #shapeOnly}
 */
public record PreparedData(TrainingData train, TrainingData validation, int numFeatures, int numClasses,
                           boolean classification, FittedPipeline pipeline) {

    /**
     * Only the shape of a data set, no rows (train and validation are null): what {@link TrialConfigs#network}
     * reads to size a network, for estimating its memory before any data is loaded.
     */
    static PreparedData shapeOnly(DatasetShape shape) {
        return new PreparedData(null, null, shape.features(), shape.classes(), shape.classification(), null);
    }
}
