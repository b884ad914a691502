package dev.hypersearch.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.hypersearch.store.TrialEntity;
import dev.hypersearch.store.TrialEpochEntity;
import java.time.Instant;
import java.util.List;

/** A trial with its timing, lease and learning curve. */
public record TrialDetail(@JsonUnwrapped TrialRow trial, long searchId, Instant queuedAt, Instant startedAt,
                          Instant finishedAt, Instant leaseExpiresAt, List<CurvePoint> curve) {

    /** One epoch; losses are null where they were not finite. */
    public record CurvePoint(int epoch, Double trainLoss, Double valLoss, Double valAccuracy, long elapsedMs) {

        static CurvePoint of(TrialEpochEntity e) {
            return new CurvePoint(e.getEpoch(), e.getTrainLoss(), e.getValLoss(), e.getValAccuracy(), e.getElapsedMs());
        }
    }

    static TrialDetail of(TrialEntity t, List<TrialEpochEntity> epochs) {
        return new TrialDetail(TrialRow.of(t), t.getSearchId(), t.getQueuedAt(), t.getStartedAt(), t.getFinishedAt(),
                t.getLeaseExpiresAt(), epochs.stream().map(CurvePoint::of).toList());
    }
}
