package dev.hypersearch.nn;

import java.util.Arrays;

/**
 * The smooth activations' (sigmoid, tanh, ELU, linear) fused row loops as plain loops: forward, the bias and the
 * activation in one pass; backward, the derivative (from the output a, and for ELU the sign of z) and the sums that
 * follow it (the bias gradient, or batch norm's sums and dots) in one pass. Each step is the unfused loops' step, so
 * the results are theirs bit for bit. The reference for {@code VectorActivationRows}, and its column tails.
 */
final class ScalarActivationRows {

    private ScalarActivationRows() {
    }

    /** m[r, j] += v[j], then a = f(m), in one pass (f: SIGMOID, TANH, ELU or LINEAR). */
    static void addRowActivation(Activation f, double[] m, double[] a, int rows, int cols, double[] v, double alpha) {
        for (int r = 0; r < rows; r++) {
            addRowActivation(f, m, a, r * cols, 0, cols, v, alpha);
        }
    }

    /** Columns from..to-1 of the row at offset o. */
    static void addRowActivation(Activation f, double[] m, double[] a, int o, int from, int to, double[] v,
            double alpha) {
        for (int j = from; j < to; j++) {
            double x = m[o + j] + v[j];
            m[o + j] = x;
            a[o + j] = activation(f, x, alpha);
        }
    }

    /**
     * Batch norm's training transform (xhat = (z - mean) invStd, z = gamma xhat + beta, as RowKernels.normalize), then
     * a = f(z), in one pass; any activation (below: leaky ReLU's slope, alpha: ELU's, slopes: PReLU's).
     */
    static void normalizeActivation(Activation f, double[] z, double[] xhat, double[] a, int rows, int cols,
            double[] mean, double[] invStd, double[] gamma, double[] beta, double below, double alpha,
            double[] slopes) {
        for (int r = 0; r < rows; r++) {
            normalizeActivation(f, z, xhat, a, r * cols, 0, cols, mean, invStd, gamma, beta, below, alpha, slopes);
        }
    }

    /** Columns from..to-1 of the row at offset o. */
    static void normalizeActivation(Activation f, double[] z, double[] xhat, double[] a, int o, int from, int to,
            double[] mean, double[] invStd, double[] gamma, double[] beta, double below, double alpha,
            double[] slopes) {
        for (int j = from; j < to; j++) {
            double h = (z[o + j] - mean[j]) * invStd[j];
            xhat[o + j] = h;
            double y = gamma[j] * h + beta[j];
            z[o + j] = y;
            a[o + j] = switch (f) {
                case RELU -> Math.max(y, 0.0);
                case LEAKY_RELU -> {
                    double p = ActivationKernels.positive(y);
                    yield y * (p + (1.0 - p) * below); // as ScalarRowKernels.kinkForward
                }
                case PRELU -> y * (slopes[j] + (1.0 - slopes[j]) * ActivationKernels.positive(y));
                default -> activation(f, y, alpha);
            };
        }
    }

    /** A smooth activation of one value, as the plain loops form it. */
    private static double activation(Activation f, double x, double alpha) {
        return switch (f) {
            case SIGMOID -> ActivationKernels.sigmoid(x);
            case TANH -> Math.tanh(x);
            case ELU -> {
                double p = ActivationKernels.positive(x);
                yield p * x + (1.0 - p) * alpha * Math.expm1(Math.min(x, 0.0)); // as ScalarTranscendentals.elu
            }
            default -> x;
        };
    }

    /**
     * d *= f'(z), then sums = column sums of d and, when x is not null, dots = column sums of d * x (both
     * overwritten), in one pass.
     */
    static void backwardSums(Activation f, double[] z, double[] a, double[] d, double[] x, int rows, int cols,
            double alpha, double[] sums, double[] dots) {
        Arrays.fill(sums, 0, cols, 0.0);
        if (x != null) {
            Arrays.fill(dots, 0, cols, 0.0);
        }
        for (int r = 0; r < rows; r++) {
            backwardSums(f, z, a, d, x, r * cols, 0, cols, alpha, sums, dots);
        }
    }

    /** Columns from..to-1 of the row at offset o, adding into sums (and dots). */
    static void backwardSums(Activation f, double[] z, double[] a, double[] d, double[] x, int o, int from, int to,
            double alpha, double[] sums, double[] dots) {
        for (int j = from; j < to; j++) {
            double g = d[o + j] * factor(f, z[o + j], a[o + j], alpha);
            d[o + j] = g;
            sums[j] += g;
            if (x != null) {
                dots[j] += g * x[o + j];
            }
        }
    }

    /** f'(z) as ActivationKernels.backward and eluBackward form it. */
    private static double factor(Activation f, double z, double a, double alpha) {
        return switch (f) {
            case SIGMOID -> a * (1.0 - a);
            case TANH -> 1.0 - a * a;
            case ELU -> {
                double p = ActivationKernels.positive(z);
                yield p + (1.0 - p) * (a + alpha);
            }
            default -> 1.0;
        };
    }
}
