package dev.hypersearch.model;

/**
 * A refit's training metrics, on the rows it was trained on.
 *
 * @param meanBatchLoss    the last epoch's mean mini-batch loss (training mode)
 * @param trainingLoss     the loss over every row in inference mode after the last epoch
 * @param trainingAccuracy classification only, else null
 */
public record RefitMetrics(int rows, int epochs, double meanBatchLoss, double trainingLoss, Double trainingAccuracy,
                           long durationMs) {
}
