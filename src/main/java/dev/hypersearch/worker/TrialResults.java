package dev.hypersearch.worker;

import dev.hypersearch.nn.EpochMetrics;
import dev.hypersearch.search.TrialStatus;
import dev.hypersearch.search.pruning.PruneDecision;
import dev.hypersearch.store.CrossValidationRecord;
import dev.hypersearch.store.EpochRow;
import dev.hypersearch.store.TrialResult;
import dev.hypersearch.store.TrialScores;
import dev.hypersearch.trial.ValidationMetrics;
import dev.hypersearch.trial.CrossValidation;
import dev.hypersearch.trial.FoldResult;
import dev.hypersearch.trial.TrialOutcome;
import java.util.ArrayList;
import java.util.List;

/** A trial's outcome (and its pruner's last decision) as the row the queue writes. */
final class TrialResults {

    private TrialResults() {
    }

    /** @param decision the pruner's last decision; null when the trial had no pruner */
    static TrialResult of(TrialOutcome o, PruneDecision decision) {
        TrialStatus status = o.ending();
        // The engine also explains normal endings ("completed 40 epochs"); only other endings keep it.
        String message = status == TrialStatus.COMPLETED ? null : o.message();
        PruneDecision pruning = null;
        if (status == TrialStatus.PRUNED && decision != null && decision.prune()) {
            pruning = decision;
            message = decision.reason();
        }
        return new TrialResult(status, o.valLoss(), o.bestValLoss(), o.bestEpoch(), o.valAccuracy(), o.trainLoss(),
                o.epochsRun(), o.durationMs(), message, pruning,
                o.crossValidation() == null ? null : crossValidation(o.crossValidation()), scores(o.metrics()));
    }

    private static TrialScores scores(ValidationMetrics m) {
        return new TrialScores(m.rmse(), m.mae(), m.r2(), m.macroF1());
    }

    static EpochRow row(EpochMetrics m) {
        return new EpochRow(m.epoch(), m.trainLoss(), m.validationLoss(), m.validationAccuracy(),
                m.elapsedNanos() / 1_000_000);
    }

    private static CrossValidationRecord crossValidation(CrossValidation cv) {
        List<List<EpochRow>> curves = new ArrayList<>();
        for (FoldResult fold : cv.folds()) {
            curves.add(fold.curve().stream().map(TrialResults::row).toList());
        }
        return new CrossValidationRecord(cv.k(), cv.stdValLoss(), cv.stdValAccuracy(), curves);
    }
}
