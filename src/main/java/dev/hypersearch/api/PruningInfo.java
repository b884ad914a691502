package dev.hypersearch.api;

import dev.hypersearch.search.pruning.PruneDecision;
import dev.hypersearch.store.TrialEntity;
import jakarta.annotation.Nullable;

/**
 * Where and why a pruner stopped a PRUNED trial: at {@code epoch} (ASHA: at rung {@code rung}, 0-based) its
 * {@code value} (median rule: best validation loss so far; ASHA: validation loss at the rung) was worse than
 * {@code threshold} (the other trials' median; ASHA: the worst value still promoted). {@code reason} says it in words.
 */
public record PruningInfo(String rule, int epoch, @Nullable Integer rung, @Nullable Double value,
                          @Nullable Double threshold, @Nullable String reason) {

    /** The decision that stopped a PRUNED trial as the API shows it (numbers that were not compared: null). */
    static PruningInfo of(TrialEntity t) {
        PruneDecision d = t.getPruning();
        return d == null ? null : new PruningInfo(d.rule(), d.epoch(), d.rung(), finite(d.value()),
                finite(d.threshold()), d.reason());
    }

    private static Double finite(double x) {
        return Double.isFinite(x) ? x : null;
    }
}
