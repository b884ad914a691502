package dev.hypersearch.nn;

/**
 * One point of the learning curve. Losses are data losses only (no L2 term) so trials with
 * different l2 compare on the same scale.
 *
 * @param epoch              1-based
 * @param trainLoss          example-weighted mean of this epoch's mini-batch losses, each taken
 *                           in training mode before that batch's update (free: no extra pass)
 * @param validationLoss     mean loss on the validation set in inference mode, after the epoch
 * @param validationAccuracy fraction correct; NaN for regression
 * @param elapsedNanos       since the start of training
 */
public record EpochMetrics(int epoch, double trainLoss, double validationLoss, double validationAccuracy,
        long elapsedNanos) {
}
