package dev.hypersearch.trial;

import dev.hypersearch.nn.EpochListener;
import dev.hypersearch.nn.EpochMetrics;
import dev.hypersearch.nn.GemmSource;
import dev.hypersearch.nn.Trainer;
import dev.hypersearch.nn.TrainingConfig;
import dev.hypersearch.nn.TrainingResult;
import dev.hypersearch.nn.TrainingRun;
import dev.hypersearch.search.TrialParams;
import dev.hypersearch.search.TrialStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Runs one trial as k-fold cross-validation: one model per fold, trained in lockstep (epoch e of every fold,
 * then epoch e + 1) on one thread, so the mean curve exists epoch by epoch and the listener (the worker's
 * epoch rows and pruner) sees it exactly as it sees a holdout trial's curve. Every fold starts from the same
 * seed (initial weights and shuffles), as a cloned estimator would, so folds differ only by their data.
 *
 * <p>Endings: any fold diverging makes the trial DIVERGED; cancellation CANCELLED; the listener returning
 * false PRUNED; otherwise COMPLETED. Errors of the trial's own making end it FAILED, as in {@link TrialRunner}.
 */
public final class CrossValidatedRunner {

    private final GemmSource gemms;

    /** @param gemms the GEMM for each training precision */
    public CrossValidatedRunner(GemmSource gemms) {
        this.gemms = gemms;
    }

    /**
     * @param folds    from {@link DataPreparation#kFold}
     * @param listener gets the mean over folds of each epoch's metrics; may be null
     */
    public TrialOutcome run(TrialParams params, List<PreparedData> folds, long searchSeed, int trialNumber,
                            EpochListener listener, BooleanSupplier cancelled) {
        long start = System.nanoTime();
        try {
            return train(params, folds, searchSeed, trialNumber, listener == null ? EpochListener.NONE : listener,
                    cancelled, start);
        } catch (RuntimeException e) {
            if (e instanceof AbandonTrialException abandon) {
                throw abandon;
            }
            return TrialOutcome.failed(e.getClass().getSimpleName() + ": " + e.getMessage(), millisSince(start));
        }
    }

    private TrialOutcome train(TrialParams params, List<PreparedData> folds, long searchSeed, int trialNumber,
                               EpochListener listener, BooleanSupplier cancelled, long start) {
        if (folds.size() < 2) {
            throw new IllegalArgumentException("cross-validation needs at least 2 folds, got " + folds.size());
        }
        TrainingConfig training = TrialConfigs.training(params, searchSeed, trialNumber, 0);
        Trainer trainer = new Trainer(gemms);
        List<TrainingRun> runs = new ArrayList<>(folds.size());
        for (PreparedData fold : folds) {
            runs.add(trainer.start(TrialConfigs.network(params, fold), training, fold.train(), fold.validation(),
                    cancelled));
        }
        int k = runs.size();
        List<EpochMetrics> meanCurve = new ArrayList<>();
        TrialStatus ending = null;
        String message = null;
        while (ending == null) {
            EpochMetrics[] epoch = new EpochMetrics[k];
            for (int f = 0; f < k && ending == null; f++) {
                epoch[f] = runs.get(f).runEpoch();
                if (epoch[f] == null) { // this fold diverged or saw the cancellation
                    TrainingResult r = runs.get(f).result();
                    ending = r.outcome() == TrainingResult.Outcome.DIVERGED
                            ? TrialStatus.DIVERGED : TrialStatus.CANCELLED;
                    message = "fold " + (f + 1) + " of " + k + ": " + r.message();
                }
            }
            if (ending != null) {
                break;
            }
            EpochMetrics mean = mean(epoch, System.nanoTime() - start);
            meanCurve.add(mean);
            if (!listener.onEpoch(mean)) {
                ending = TrialStatus.PRUNED;
                message = "stopped by listener after epoch " + mean.epoch();
            } else if (runs.get(0).isFinished()) { // no early stopping: every fold ends at the same epoch
                ending = TrialStatus.COMPLETED;
                message = "completed " + mean.epoch() + " epochs on each of " + k + " folds";
            }
        }
        List<FoldResult> foldResults = new ArrayList<>(k);
        ValidationMetrics[] scores = new ValidationMetrics[k];
        boolean scored = !meanCurve.isEmpty() && (ending == TrialStatus.COMPLETED || ending == TrialStatus.PRUNED);
        for (int f = 0; f < k; f++) {
            TrainingRun run = runs.get(f);
            if (!run.isFinished()) {
                run.stop("trial ended: " + message);
            }
            TrainingResult r = run.result();
            foldResults.add(new FoldResult(f, r.curve(), r.outcome().name(), r.message()));
            if (scored) {
                scores[f] = ValidationMetrics.of(r.network(), folds.get(f));
            }
        }
        TrialOutcome outcome = outcome(ending, meanCurve, foldResults, millisSince(start), message);
        return scored ? outcome.withMetrics(ValidationMetrics.mean(scores)) : outcome;
    }

    /** The fold-mean point of one epoch; accuracy stays NaN for regression. */
    private static EpochMetrics mean(EpochMetrics[] folds, long elapsedNanos) {
        double train = 0;
        double val = 0;
        double acc = 0;
        for (EpochMetrics m : folds) {
            train += m.trainLoss();
            val += m.validationLoss();
            acc += m.validationAccuracy();
        }
        int k = folds.length;
        return new EpochMetrics(folds[0].epoch(), train / k, val / k, acc / k, elapsedNanos);
    }

    static TrialOutcome outcome(TrialStatus ending, List<EpochMetrics> meanCurve, List<FoldResult> folds,
                                long durationMs, String message) {
        int epochs = meanCurve.size();
        double[] losses = new double[folds.size()];
        double[] accuracies = new double[folds.size()];
        for (int f = 0; f < folds.size(); f++) {
            EpochMetrics last = epochs == 0 ? null : folds.get(f).curve().get(epochs - 1);
            losses[f] = last == null ? Double.NaN : last.validationLoss();
            accuracies[f] = last == null ? Double.NaN : last.validationAccuracy();
        }
        CrossValidation cv = new CrossValidation(folds, CrossValidation.mean(losses),
                CrossValidation.populationStd(losses), CrossValidation.mean(accuracies),
                CrossValidation.populationStd(accuracies));
        EpochMetrics last = epochs == 0 ? null : meanCurve.get(epochs - 1);
        EpochMetrics best = null;
        for (EpochMetrics m : meanCurve) {
            if (best == null || m.validationLoss() < best.validationLoss()) {
                best = m;
            }
        }
        return new TrialOutcome(ending, meanCurve,
                last == null ? Double.NaN : last.validationLoss(),
                best == null ? Double.NaN : best.validationLoss(),
                best == null ? null : best.epoch(),
                last == null ? Double.NaN : last.validationAccuracy(),
                last == null ? Double.NaN : last.trainLoss(),
                durationMs, message, cv);
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
