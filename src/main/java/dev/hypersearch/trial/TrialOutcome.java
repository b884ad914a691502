package dev.hypersearch.trial;

import dev.hypersearch.nn.EpochMetrics;
import java.util.List;

/** How one trial ended, with its curve and final metrics (NaN where a metric does not exist). */
public record TrialOutcome(Ending ending, List<EpochMetrics> curve, double valLoss, double bestValLoss,
                           Integer bestEpoch, double valAccuracy, double trainLoss, long durationMs, String message) {

    public enum Ending { COMPLETED, DIVERGED, PRUNED, CANCELLED, FAILED }

    public int epochsRun() {
        return curve.size();
    }

    static TrialOutcome failed(String message, long durationMs) {
        return new TrialOutcome(Ending.FAILED, List.of(), Double.NaN, Double.NaN, null, Double.NaN, Double.NaN,
                durationMs, message);
    }
}
