package dev.hypersearch.trial;

import dev.hypersearch.data.pipeline.TargetScale;
import dev.hypersearch.nn.Network;
import dev.hypersearch.nn.TrainingData;
import org.ejml.data.DMatrixRMaj;

/**
 * A trained network's scores on the validation rows beyond loss and accuracy: for regression RMSE, MAE and R²
 * in the target's own units (the outputs restored from standardized targets), for classification the macro-F1;
 * NaN where a score does not apply. R² is 1 - SS_res / SS_tot around the validation rows' mean, as
 * scikit-learn's {@code r2_score}; NaN when the validation targets are constant. Macro-F1 averages the per-class
 * F1 over the classes that occur in the labels or the predictions ({@code f1_score(average="macro")}).
 */
public record ValidationMetrics(double rmse, double mae, double r2, double macroF1) {

    public static final ValidationMetrics NONE = new ValidationMetrics(Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    static ValidationMetrics of(Network net, PreparedData data) {
        TrainingData v = data.validation();
        DMatrixRMaj out = net.predict(v.features());
        return data.classification() ? classification(out, v.targets(), data.numClasses())
                : regression(out, v.targets(), data.pipeline().target());
    }

    static ValidationMetrics regression(DMatrixRMaj predicted, DMatrixRMaj targets, TargetScale scale) {
        int n = targets.numRows;
        double[] y = new double[n];
        double mean = 0;
        for (int i = 0; i < n; i++) {
            y[i] = scale.restore(targets.data[i]);
            mean += y[i] / n;
        }
        double sse = 0;
        double sae = 0;
        double sst = 0;
        for (int i = 0; i < n; i++) {
            double e = scale.restore(predicted.data[i]) - y[i];
            sse += e * e;
            sae += Math.abs(e);
            sst += (y[i] - mean) * (y[i] - mean);
        }
        return new ValidationMetrics(Math.sqrt(sse / n), sae / n, sst > 0 ? 1 - sse / sst : Double.NaN, Double.NaN);
    }

    static ValidationMetrics classification(DMatrixRMaj predicted, DMatrixRMaj targets, int classes) {
        int[] tp = new int[classes];
        int[] fp = new int[classes];
        int[] fn = new int[classes];
        for (int i = 0; i < targets.numRows; i++) {
            int truth = label(targets, i);
            int guess = label(predicted, i);
            if (truth == guess) {
                tp[truth]++;
            } else {
                fp[guess]++;
                fn[truth]++;
            }
        }
        double sum = 0;
        int present = 0;
        for (int c = 0; c < classes; c++) {
            if (tp[c] + fp[c] + fn[c] > 0) {
                sum += 2.0 * tp[c] / (2.0 * tp[c] + fp[c] + fn[c]);
                present++;
            }
        }
        return new ValidationMetrics(Double.NaN, Double.NaN, Double.NaN, sum / present);
    }

    /** The class of row i: a single column is the positive class's probability (or 0/1 label), else argmax. */
    private static int label(DMatrixRMaj m, int i) {
        int k = m.numCols;
        if (k == 1) {
            return m.data[i] >= 0.5 ? 1 : 0;
        }
        int best = 0;
        for (int c = 1; c < k; c++) {
            if (m.data[i * k + c] > m.data[i * k + best]) {
                best = c;
            }
        }
        return best;
    }

    /** The mean over folds of each score. */
    static ValidationMetrics mean(ValidationMetrics[] folds) {
        double rmse = 0;
        double mae = 0;
        double r2 = 0;
        double f1 = 0;
        for (ValidationMetrics m : folds) {
            rmse += m.rmse;
            mae += m.mae;
            r2 += m.r2;
            f1 += m.macroF1;
        }
        int k = folds.length;
        return new ValidationMetrics(rmse / k, mae / k, r2 / k, f1 / k);
    }
}
