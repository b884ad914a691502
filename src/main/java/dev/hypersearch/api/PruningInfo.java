package dev.hypersearch.api;

import dev.hypersearch.store.TrialEntity;
import jakarta.annotation.Nullable;

/**
 * Where and why a pruner stopped a PRUNED trial: at {@code epoch} (ASHA: at rung {@code rung}, 0-based) its
 * {@code value} (median rule: best validation loss so far; ASHA: validation loss at the rung) was worse than
 * {@code threshold} (the other trials' median; ASHA: the worst value still promoted). {@code reason} says it in words.
 */
public record PruningInfo(String rule, int epoch, @Nullable Integer rung, @Nullable Double value,
                          @Nullable Double threshold, @Nullable String reason) {

    static PruningInfo of(TrialEntity t) {
        return t.getPruneRule() == null ? null : new PruningInfo(t.getPruneRule(), t.getPruneEpoch(), t.getPruneRung(),
                t.getPruneValue(), t.getPruneThreshold(), t.getError());
    }
}
