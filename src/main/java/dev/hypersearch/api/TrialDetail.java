package dev.hypersearch.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.hypersearch.store.TrialEntity;
import dev.hypersearch.store.TrialEpochEntity;
import dev.hypersearch.store.TrialFoldEpochEntity;
import jakarta.annotation.Nullable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A trial with its timing, lease and learning curve (for a cross-validated trial, the mean over folds).
 *
 * @param foldCurves each fold's own curve for a cross-validated trial (written when it ends); empty otherwise
 * @param rungEpochs the epochs at which the search's pruner may stop this trial (ASHA's rungs), for marking
 *                   them on the curve; empty when it has no pruner or one that may stop at any epoch
 * @param suggestion for a TPE trial past its start-up trials, once claimed: the ids of the finished trials its
 *                   parameters were computed from and of those then running (counted as bad); null otherwise
 * @param preprocessing which original columns became which network inputs, per fold (one entry for a holdout);
 *                   fitted once per search, empty until its first trial has prepared the data
 */
public record TrialDetail(@JsonUnwrapped TrialRow trial, long searchId, Instant queuedAt, @Nullable Instant startedAt,
                          @Nullable Instant finishedAt, @Nullable Instant leaseExpiresAt, List<CurvePoint> curve,
                          List<FoldCurve> foldCurves, List<Integer> rungEpochs, @Nullable TpeSuggestion suggestion,
                          List<Preprocessing> preprocessing) {

    /** What a model-based trial's parameters were computed from: replaying them needs nothing else. */
    public record TpeSuggestion(List<Long> basedOn, List<Long> running) {
    }

    /** One epoch; losses are null where they were not finite; elapsedMs is null in a fold's curve. */
    public record CurvePoint(int epoch, @Nullable Double trainLoss, @Nullable Double valLoss,
                             @Nullable Double valAccuracy, @Nullable Long elapsedMs) {

        static CurvePoint of(TrialEpochEntity e) {
            return new CurvePoint(e.getEpoch(), e.getTrainLoss(), e.getValLoss(), e.getValAccuracy(), e.getElapsedMs());
        }

        static CurvePoint of(TrialFoldEpochEntity e) {
            return new CurvePoint(e.getEpoch(), e.getTrainLoss(), e.getValLoss(), e.getValAccuracy(), null);
        }
    }

    /** One fold's curve; {@code fold} counts from 0 in the order of the search's k-fold split. */
    public record FoldCurve(int fold, List<CurvePoint> curve) {
    }

    static TrialDetail of(TrialEntity t, List<TrialEpochEntity> epochs, List<TrialFoldEpochEntity> foldEpochs,
                          List<Integer> rungEpochs, List<Preprocessing> preprocessing) {
        return new TrialDetail(TrialRow.of(t), t.getSearchId(), t.getQueuedAt(), t.getStartedAt(), t.getFinishedAt(),
                t.getLeaseExpiresAt(), epochs.stream().map(CurvePoint::of).toList(), folds(foldEpochs), rungEpochs,
                t.getSuggestionBasis() == null ? null
                        : new TpeSuggestion(t.getSuggestionBasis().basedOn(), t.getSuggestionBasis().running()),
                preprocessing);
    }

    /** Rows ordered by (fold, epoch) into one curve per fold. */
    private static List<FoldCurve> folds(List<TrialFoldEpochEntity> rows) {
        List<FoldCurve> folds = new ArrayList<>();
        List<CurvePoint> current = null;
        int fold = -1;
        for (TrialFoldEpochEntity e : rows) {
            if (e.getFold() != fold) {
                fold = e.getFold();
                current = new ArrayList<>();
                folds.add(new FoldCurve(fold, current));
            }
            current.add(CurvePoint.of(e));
        }
        return folds;
    }
}
