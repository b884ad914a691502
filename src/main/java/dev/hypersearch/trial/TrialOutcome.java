package dev.hypersearch.trial;

import dev.hypersearch.nn.EpochMetrics;
import dev.hypersearch.search.TrialStatus;
import java.util.List;

/**
 * How one trial ended (a terminal {@link TrialStatus}), with its curve and final metrics (NaN where a metric
 * does not exist). For a cross-validated trial the curve and metrics are the means over the folds and
 * {@code crossValidation} holds each fold's curve and the spread; it is null for a holdout trial.
 * {@code metrics} are the final network's scores in the target's units (means over folds), NONE when untrained.
 */
public record TrialOutcome(TrialStatus ending, List<EpochMetrics> curve, double valLoss, double bestValLoss,
                           Integer bestEpoch, double valAccuracy, double trainLoss, long durationMs, String message,
                           CrossValidation crossValidation, ValidationMetrics metrics) {

    public TrialOutcome {
        if (!ending.isTerminal()) {
            throw new IllegalArgumentException("a trial ends with a terminal status, not " + ending);
        }
        if (metrics == null) {
            metrics = ValidationMetrics.NONE;
        }
    }

    public TrialOutcome(TrialStatus ending, List<EpochMetrics> curve, double valLoss, double bestValLoss,
                        Integer bestEpoch, double valAccuracy, double trainLoss, long durationMs, String message,
                        CrossValidation crossValidation) {
        this(ending, curve, valLoss, bestValLoss, bestEpoch, valAccuracy, trainLoss, durationMs, message,
                crossValidation, ValidationMetrics.NONE);
    }

    /** The same outcome with the final network's scores. */
    TrialOutcome withMetrics(ValidationMetrics m) {
        return new TrialOutcome(ending, curve, valLoss, bestValLoss, bestEpoch, valAccuracy, trainLoss, durationMs,
                message, crossValidation, m);
    }

    /** A holdout trial's outcome. */
    public TrialOutcome(TrialStatus ending, List<EpochMetrics> curve, double valLoss, double bestValLoss, Integer bestEpoch,
                        double valAccuracy, double trainLoss, long durationMs, String message) {
        this(ending, curve, valLoss, bestValLoss, bestEpoch, valAccuracy, trainLoss, durationMs, message, null);
    }

    public int epochsRun() {
        return curve.size();
    }

    static TrialOutcome failed(String message, long durationMs) {
        return new TrialOutcome(TrialStatus.FAILED, List.of(), Double.NaN, Double.NaN, null, Double.NaN, Double.NaN,
                durationMs, message);
    }
}
