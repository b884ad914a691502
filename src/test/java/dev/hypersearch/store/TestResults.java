package dev.hypersearch.store;

import dev.hypersearch.search.TrialStatus;

/** Trial results for tests. */
public final class TestResults {

    private TestResults() {
    }

    /** A holdout trial's result that was not pruned. */
    public static TrialResult holdout(TrialStatus status, double valLoss, double bestValLoss, Integer bestEpoch,
                                      double valAccuracy, double trainLoss, int epochsRun, long durationMs, String error) {
        return new TrialResult(status, valLoss, bestValLoss, bestEpoch, valAccuracy, trainLoss, epochsRun, durationMs,
                error, null, null);
    }
}
