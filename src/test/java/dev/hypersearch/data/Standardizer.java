package dev.hypersearch.data;

import java.util.Arrays;

/**
 * The tests' oracle for numeric tables (the pipeline replaced it in the service): the pipeline must give exactly
 * these inputs on an all-numeric complete table. Per-column feature scaling whose statistics come from the training split only, so nothing about the
 * validation rows leaks into training. Immutable: {@link #fit} returns the fitted scaler, then
 * {@link #transform} maps any rows with those statistics.
 *
 * <p>{@link Mode#STANDARDIZE} gives x' = (x - mean) / std with the population std (like scikit-learn's
 * StandardScaler); {@link Mode#CENTER} only subtracts the mean. A constant training column keeps scale 1
 * instead of dividing by zero, so it maps to 0 rather than NaN.
 */
public final class Standardizer {

    /** What {@link #transform} does to each column. */
    public enum Mode {
        /** Zero mean and unit variance on the training rows. */
        STANDARDIZE,
        /** Zero mean only; the scale is left alone. */
        CENTER
    }

    private final Mode mode;
    private final double[] means;
    private final double[] scales;

    private Standardizer(Mode mode, double[] means, double[] scales) {
        this.mode = mode;
        this.means = means;
        this.scales = scales;
    }

    /** Fits zero-mean, unit-variance scaling to the training rows. */
    public static Standardizer fit(double[][] train) {
        return fit(train, Mode.STANDARDIZE);
    }

    /** Fits the given mode to the training rows (n x d, n >= 1). */
    public static Standardizer fit(double[][] train, Mode mode) {
        if (train.length == 0 || train[0].length == 0) {
            throw new IllegalArgumentException("need at least one row and one column to fit");
        }
        int n = train.length;
        int d = train[0].length;
        double[] mean = new double[d];
        for (double[] row : train) {
            if (row.length != d) {
                throw new IllegalArgumentException("ragged rows: " + row.length + " vs " + d + " columns");
            }
            for (int j = 0; j < d; j++) {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        double[] scale = new double[d];
        Arrays.fill(scale, 1.0);
        if (mode == Mode.STANDARDIZE) {
            double[] sumSq = new double[d]; // second pass around the mean: stable for large offsets
            for (double[] row : train) {
                for (int j = 0; j < d; j++) {
                    double delta = row[j] - mean[j];
                    sumSq[j] += delta * delta;
                }
            }
            for (int j = 0; j < d; j++) {
                double std = Math.sqrt(sumSq[j] / n);
                // Relative threshold: rounding noise in a constant column must not be blown up to O(1).
                if (std > 1e-12 * Math.max(1.0, Math.abs(mean[j]))) {
                    scale[j] = std;
                }
            }
        }
        return new Standardizer(mode, mean, scale);
    }

    /** Fits to the data set's features (pass the training subset). */
    public static Standardizer fit(Dataset train, Mode mode) {
        return fit(train.features(), mode);
    }

    /** New rows (x - mean) / scale with the fitted statistics; the input is not changed. */
    public double[][] transform(double[][] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != means.length) {
                throw new IllegalArgumentException(
                        "row " + i + " has " + rows[i].length + " columns, fitted on " + means.length);
            }
            out[i] = new double[means.length];
            for (int j = 0; j < means.length; j++) {
                out[i][j] = (rows[i][j] - means[j]) / scales[j];
            }
        }
        return out;
    }

    /** The same data set with transformed features. */
    public Dataset transform(Dataset data) {
        return data.withFeatures(transform(data.features()));
    }

    public Mode mode() {
        return mode;
    }

    /** The training column means. */
    public double[] means() {
        return means.clone();
    }

    /** The divisors: training column std (1 for constant columns, and always 1 in CENTER mode). */
    public double[] scales() {
        return scales.clone();
    }
}
