package dev.hypersearch.api;

import dev.hypersearch.store.TrialEntity;
import jakarta.annotation.Nullable;

/**
 * A cross-validated trial's result over its {@code folds} folds: mean and population standard deviation of the
 * final validation loss and accuracy (the trial's valLoss and valAccuracy are these means).
 */
public record CrossValidationInfo(int folds, @Nullable Double meanValLoss, @Nullable Double stdValLoss,
                                  @Nullable Double meanValAccuracy, @Nullable Double stdValAccuracy) {

    static CrossValidationInfo of(TrialEntity t) {
        return t.getCvFolds() == null ? null : new CrossValidationInfo(t.getCvFolds(), t.getValLoss(),
                t.getCvValLossStd(), t.getValAccuracy(), t.getCvValAccuracyStd());
    }
}
