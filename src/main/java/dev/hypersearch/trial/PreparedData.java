package dev.hypersearch.trial;

import dev.hypersearch.nn.TrainingData;

/**
 * A data set split and standardized for training: the same for every trial of a search (the split is
 * seeded by the search seed), so trials compete on equal ground and it can be cached.
 */
public record PreparedData(TrainingData train, TrainingData validation, int numFeatures, int numClasses,
                           boolean classification) {
}
