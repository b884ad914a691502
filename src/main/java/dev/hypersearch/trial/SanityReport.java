package dev.hypersearch.trial;

/**
 * The verdict of {@link SanityCheck}, with the numbers behind it.
 *
 * @param failedCheck         null when passed, else {@link SanityCheck#INITIAL_LOSS} or
 *                            {@link SanityCheck#OVERFIT_SUBSET} (the first that failed)
 * @param initialLoss         loss before any update with small random weights
 * @param expectedInitialLoss ln(C) for C softmax classes, ln(2) for binary; NaN for regression (not checked)
 * @param finalTrainLoss      loss on the subset after training; NaN if training diverged
 * @param message             what was checked and the numbers, for the user
 */
public record SanityReport(boolean passed, String failedCheck, double initialLoss, double expectedInitialLoss,
                           double finalTrainLoss, String message) {
}
