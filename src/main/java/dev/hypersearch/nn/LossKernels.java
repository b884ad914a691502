package dev.hypersearch.nn;

/**
 * Output function, loss and its gradient for each {@link Loss}, on n x k row-major arrays.
 * Losses are computed from the logits (not from the outputs) so they stay finite and exact for
 * extreme logits: log-sum-exp with the row max subtracted, and the logistic loss in the form
 * max(z,0) - z*t + log1p(e^-|z|).
 */
final class LossKernels {

    private LossKernels() {
    }

    /**
     * Writes the outputs (probabilities or values) of logits z into {@code out}; if {@code t} is
     * not null also returns the loss summed over the n rows (callers divide by the example count,
     * so chunked evaluation averages exactly). {@code e} computes softmax's exponentials.
     */
    static double forward(Loss loss, Transcendentals e, double[] z, double[] out, double[] t, int rows, int cols) {
        return switch (loss) {
            case SOFTMAX_CROSS_ENTROPY -> softmax(e, z, out, t, rows, cols);
            case SIGMOID_BINARY_CROSS_ENTROPY -> sigmoid(z, out, t, rows * cols);
            case MSE -> identity(z, out, t, rows, cols);
        };
    }

    /**
     * dZ of the batch-mean loss: (out - t) / n for both cross-entropies (the output function's
     * Jacobian cancels against the loss's), 2 (out - t) / (n k) for MSE.
     */
    static void gradient(Loss loss, double[] out, double[] t, double[] dz, int rows, int cols) {
        int n = rows * cols;
        double scale = loss == Loss.MSE ? 2.0 / n : 1.0 / rows;
        for (int i = 0; i < n; i++) {
            dz[i] = scale * (out[i] - t[i]);
        }
    }

    /** Number of rows whose predicted class matches the target's (classification losses only). */
    static int correct(Loss loss, double[] out, double[] t, int rows, int cols) {
        int hits = 0;
        if (loss == Loss.SIGMOID_BINARY_CROSS_ENTROPY) {
            for (int i = 0; i < rows * cols; i++) {
                if ((out[i] >= 0.5) == (t[i] >= 0.5)) {
                    hits++;
                }
            }
            return hits;
        }
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            if (argmax(out, o, cols) == argmax(t, o, cols)) {
                hits++;
            }
        }
        return hits;
    }

    private static int argmax(double[] v, int offset, int len) {
        int best = 0;
        for (int j = 1; j < len; j++) {
            if (v[offset + j] > v[offset + best]) {
                best = j;
            }
        }
        return best;
    }

    /** Row maxima subtracted first, then all exponentials in one call (rows are short: 10 digits classes). */
    private static double softmax(Transcendentals e, double[] z, double[] p, double[] t, int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            double max = rowMax(z, o, cols);
            for (int j = 0; j < cols; j++) {
                p[o + j] = z[o + j] - max;
            }
        }
        e.exp(p, p, rows * cols);
        double total = 0;
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            double sum = 0;
            for (int j = 0; j < cols; j++) {
                sum += p[o + j];
            }
            double inv = 1.0 / sum;
            for (int j = 0; j < cols; j++) {
                p[o + j] *= inv;
            }
            if (t != null) {
                // -sum_j t_j (z_j - lse) with lse = max + log(sum); sum >= 1 so the log is safe
                double lse = rowMax(z, o, cols) + Math.log(sum);
                double row = 0;
                for (int j = 0; j < cols; j++) {
                    double tj = t[o + j];
                    if (tj != 0) {
                        row += tj * (lse - z[o + j]);
                    }
                }
                total += row;
            }
        }
        return total;
    }

    /**
     * Math.max over a row in four independent chains, combined at the end: one chain made each max wait for the one
     * before (its NaN and signed-zero checks are a long dependency), the row maxima took a tenth of a small net's
     * trial. Math.max is associative and commutative (NaN wins, +0.0 above -0.0), so the result is the same.
     */
    static double rowMax(double[] z, int o, int cols) {
        if (cols < 4) {
            double max = z[o];
            for (int j = 1; j < cols; j++) {
                max = Math.max(max, z[o + j]);
            }
            return max;
        }
        double m0 = z[o];
        double m1 = z[o + 1];
        double m2 = z[o + 2];
        double m3 = z[o + 3];
        int j = 4;
        for (; j + 4 <= cols; j += 4) {
            m0 = Math.max(m0, z[o + j]);
            m1 = Math.max(m1, z[o + j + 1]);
            m2 = Math.max(m2, z[o + j + 2]);
            m3 = Math.max(m3, z[o + j + 3]);
        }
        for (; j < cols; j++) {
            m0 = Math.max(m0, z[o + j]);
        }
        return Math.max(Math.max(m0, m1), Math.max(m2, m3));
    }

    private static double sigmoid(double[] z, double[] p, double[] t, int n) {
        double total = 0;
        for (int i = 0; i < n; i++) {
            double v = z[i];
            p[i] = ActivationKernels.sigmoid(v);
            if (t != null) {
                total += Math.max(v, 0.0) - v * t[i] + Math.log1p(Math.exp(-Math.abs(v)));
            }
        }
        return total;
    }

    private static double identity(double[] z, double[] y, double[] t, int rows, int cols) {
        int n = rows * cols;
        System.arraycopy(z, 0, y, 0, n);
        if (t == null) {
            return 0;
        }
        double total = 0;
        for (int i = 0; i < n; i++) {
            double e = y[i] - t[i];
            total += e * e;
        }
        // per-row sum of the per-output mean, so summing rows and dividing by n gives the MSE
        return total / cols;
    }
}
