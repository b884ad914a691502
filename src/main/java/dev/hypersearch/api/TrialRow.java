package dev.hypersearch.api;

import dev.hypersearch.search.TrialParams;
import dev.hypersearch.search.TrialStatus;
import dev.hypersearch.store.TrialEntity;
import jakarta.annotation.Nullable;

/**
 * One leaderboard row: a trial's parameters and metrics. Metrics are null until (and unless) measured.
 *
 * @param params          null for a TPE trial until a worker claims it (its parameters are decided then)
 * @param stage           coarse-to-fine stage (from 1); null for other strategies
 * @param error           why the trial did not complete (for a PRUNED trial, the pruner's reason)
 * @param pruning         where and why a PRUNED trial stopped; null otherwise
 * @param crossValidation mean and spread over folds of a cross-validated trial; null for a holdout
 * @param valRmse         regression: root mean squared error on the validation rows, in the target's units
 * @param valMae          regression: mean absolute error, in the target's units
 * @param valR2           regression: coefficient of determination R² on the validation rows
 * @param valF1           classification: macro-F1 on the validation rows (valLoss is the log loss)
 */
public record TrialRow(long id, int number, TrialStatus status, @Nullable TrialParams params, @Nullable Double valLoss,
                       @Nullable Double bestValLoss, @Nullable Integer bestEpoch, @Nullable Double valAccuracy,
                       @Nullable Double trainLoss, @Nullable Integer epochsRun, @Nullable Long durationMs, int attempt,
                       @Nullable String workerId, @Nullable String error, @Nullable Integer stage,
                       @Nullable PruningInfo pruning, @Nullable CrossValidationInfo crossValidation,
                       @Nullable Double valRmse, @Nullable Double valMae, @Nullable Double valR2,
                       @Nullable Double valF1) {

    static TrialRow of(TrialEntity t) {
        return new TrialRow(t.getId(), t.getNumber(), t.getStatus(), t.getParams(), t.getValLoss(),
                t.getBestValLoss(), t.getBestEpoch(), t.getValAccuracy(), t.getTrainLoss(), t.getEpochsRun(),
                t.getDurationMs(), t.getAttempt(), t.getWorkerId(), t.getError(), t.getStage(), PruningInfo.of(t),
                CrossValidationInfo.of(t), t.getValRmse(), t.getValMae(), t.getValR2(), t.getValF1());
    }
}
