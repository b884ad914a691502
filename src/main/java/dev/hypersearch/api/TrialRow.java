package dev.hypersearch.api;

import dev.hypersearch.store.TrialEntity;
import dev.hypersearch.store.TrialStatus;
import java.util.Map;

/** One leaderboard row: a trial's parameters and metrics. Metrics are null until (and unless) measured. */
public record TrialRow(long id, int number, TrialStatus status, Map<String, Object> params, Double valLoss,
                       Double bestValLoss, Integer bestEpoch, Double valAccuracy, Double trainLoss,
                       Integer epochsRun, Long durationMs, int attempt, String workerId, String error) {

    static TrialRow of(TrialEntity t) {
        return new TrialRow(t.getId(), t.getNumber(), t.getStatus(), t.getParams(), t.getValLoss(),
                t.getBestValLoss(), t.getBestEpoch(), t.getValAccuracy(), t.getTrainLoss(), t.getEpochsRun(),
                t.getDurationMs(), t.getAttempt(), t.getWorkerId(), t.getError());
    }
}
