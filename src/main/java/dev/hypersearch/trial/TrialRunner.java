package dev.hypersearch.trial;

import dev.hypersearch.nn.EpochListener;
import dev.hypersearch.nn.EpochMetrics;
import dev.hypersearch.nn.GemmSource;
import dev.hypersearch.nn.Trainer;
import dev.hypersearch.nn.TrainingResult;
import dev.hypersearch.search.TrialParams;
import dev.hypersearch.search.TrialStatus;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Runs one trial: parameters to configuration, the engine's training loop, and the outcome. Any exception
 * of the trial's own making ends it FAILED with the message; it never escapes to the worker.
 */
public final class TrialRunner {

    private final GemmSource gemms;

    /** @param gemms the GEMM for each training precision */
    public TrialRunner(GemmSource gemms) {
        this.gemms = gemms;
    }

    public TrialOutcome run(TrialParams params, PreparedData data, long searchSeed, int trialNumber,
                            EpochListener listener, BooleanSupplier cancelled) {
        long start = System.nanoTime();
        TrainingResult result;
        ValidationMetrics metrics = ValidationMetrics.NONE;
        try {
            result = new Trainer(gemms).train(TrialConfigs.network(params, data),
                    TrialConfigs.training(params, searchSeed, trialNumber, 0),
                    data.train(), data.validation(), listener, cancelled);
            if (!result.curve().isEmpty() && result.outcome() != TrainingResult.Outcome.DIVERGED) {
                metrics = ValidationMetrics.of(result.network(), data);
            }
        } catch (RuntimeException e) {
            if (e instanceof AbandonTrialException abandon) {
                throw abandon;
            }
            return TrialOutcome.failed(e.getClass().getSimpleName() + ": " + e.getMessage(), millisSince(start));
        }
        return outcome(result, millisSince(start)).withMetrics(metrics);
    }

    static TrialOutcome outcome(TrainingResult r, long durationMs) {
        List<EpochMetrics> curve = r.curve();
        EpochMetrics last = curve.isEmpty() ? null : curve.get(curve.size() - 1);
        TrialStatus ending = switch (r.outcome()) {
            case COMPLETED, EARLY_STOPPED -> TrialStatus.COMPLETED;
            case STOPPED -> TrialStatus.PRUNED;
            case DIVERGED -> TrialStatus.DIVERGED;
            case CANCELLED -> TrialStatus.CANCELLED;
        };
        return new TrialOutcome(ending, curve,
                last == null ? Double.NaN : last.validationLoss(),
                curve.isEmpty() ? Double.NaN : r.bestValidationLoss(),
                curve.isEmpty() ? null : r.bestEpoch(),
                last == null ? Double.NaN : last.validationAccuracy(),
                last == null ? Double.NaN : last.trainLoss(),
                durationMs, r.message());
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
