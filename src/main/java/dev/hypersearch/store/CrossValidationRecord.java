package dev.hypersearch.store;

import java.util.List;

/**
 * What a cross-validated trial keeps besides its mean curve: k, the population standard deviations of the
 * final validation loss and accuracy over folds, and each fold's curve (index = fold, 0-based).
 */
public record CrossValidationRecord(int folds, double valLossStd, double valAccuracyStd,
                                    List<List<EpochRow>> foldCurves) {

    public CrossValidationRecord {
        foldCurves = List.copyOf(foldCurves);
    }
}
