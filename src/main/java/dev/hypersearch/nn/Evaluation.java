package dev.hypersearch.nn;

/**
 * Loss (mean over examples, no L2 term) and accuracy of a network on a data set in inference mode.
 * Accuracy is NaN for regression.
 */
public record Evaluation(double loss, double accuracy) {
}
