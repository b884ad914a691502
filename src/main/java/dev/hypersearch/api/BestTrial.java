package dev.hypersearch.api;

import dev.hypersearch.store.TrialEntity;
import jakarta.annotation.Nullable;

/** The search's best completed trial so far (lowest validation loss, ties to the lower number). */
public record BestTrial(long trialId, int number, @Nullable Double valLoss, @Nullable Double valAccuracy) {

    static BestTrial of(TrialEntity t) {
        return t == null ? null : new BestTrial(t.getId(), t.getNumber(), t.getValLoss(), t.getValAccuracy());
    }
}
