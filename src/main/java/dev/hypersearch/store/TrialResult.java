package dev.hypersearch.store;

/** The final record of a trial attempt; non-finite metrics are stored as NULL. */
public record TrialResult(TrialStatus status, double valLoss, double bestValLoss, Integer bestEpoch,
                          double valAccuracy, double trainLoss, int epochsRun, long durationMs, String error) {

    public TrialResult {
        if (!status.isTerminal()) {
            throw new IllegalArgumentException("a result needs a terminal status, not " + status);
        }
    }
}
