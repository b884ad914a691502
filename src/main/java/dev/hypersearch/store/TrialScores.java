package dev.hypersearch.store;

/**
 * A trial's final scores beside loss and accuracy: regression RMSE, MAE and R² in the target's units,
 * classification macro-F1; NaN (stored as NULL) where a score does not apply.
 */
public record TrialScores(double rmse, double mae, double r2, double macroF1) {

    public static final TrialScores NONE = new TrialScores(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
}
