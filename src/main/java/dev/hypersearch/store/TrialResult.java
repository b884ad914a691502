package dev.hypersearch.store;

import dev.hypersearch.search.TrialStatus;
import dev.hypersearch.search.pruning.PruneDecision;

/**
 * The final record of a trial attempt; non-finite metrics are stored as NULL.
 *
 * @param pruning         the pruner's decision that stopped a PRUNED trial; null for every other ending
 * @param crossValidation the spread over folds and each fold's curve of a cross-validated trial (its
 *                        valLoss and valAccuracy are then the means over folds); null for a holdout trial
 * @param scores          RMSE, MAE, R² or macro-F1 of the final network
 */
public record TrialResult(TrialStatus status, double valLoss, double bestValLoss, Integer bestEpoch,
                          double valAccuracy, double trainLoss, int epochsRun, long durationMs, String error,
                          PruneDecision pruning, CrossValidationRecord crossValidation, TrialScores scores) {

    /** A result without scores. */
    public TrialResult(TrialStatus status, double valLoss, double bestValLoss, Integer bestEpoch,
                       double valAccuracy, double trainLoss, int epochsRun, long durationMs, String error,
                       PruneDecision pruning, CrossValidationRecord crossValidation) {
        this(status, valLoss, bestValLoss, bestEpoch, valAccuracy, trainLoss, epochsRun, durationMs, error, pruning,
                crossValidation, TrialScores.NONE);
    }

    public TrialResult {
        if (scores == null) {
            scores = TrialScores.NONE;
        }
        if (!status.isTerminal()) {
            throw new IllegalArgumentException("a result needs a terminal status, not " + status);
        }
        if (pruning != null && (status != TrialStatus.PRUNED || !pruning.prune())) {
            throw new IllegalArgumentException("only a PRUNED trial records a pruning decision, not " + status);
        }
    }
}
