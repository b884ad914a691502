package dev.hypersearch.nn;

import java.util.List;

/**
 * The outcome of one training run.
 *
 * @param curve              finished epochs only (all values finite)
 * @param bestEpoch          1-based epoch with the lowest validation loss (first if tied); 0 if none
 * @param bestValidationLoss its validation loss; NaN if no epoch finished
 * @param message            human-readable reason for the outcome
 * @param network            the network as it was when training ended (the last weights, not the
 *                           best epoch's)
 */
public record TrainingResult(Outcome outcome, List<EpochMetrics> curve, int bestEpoch, double bestValidationLoss,
        String message, Network network) {

    public enum Outcome {
        /** All epochs ran. */
        COMPLETED,
        /** Validation loss did not improve for {@code earlyStoppingPatience} epochs. */
        EARLY_STOPPED,
        /** The epoch listener returned false. */
        STOPPED,
        /** A loss became NaN or infinite. */
        DIVERGED,
        /** The cancellation signal was seen between batches. */
        CANCELLED
    }

    public TrainingResult {
        curve = List.copyOf(curve);
    }
}
