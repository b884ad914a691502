package dev.hypersearch.nn;

/**
 * Elementwise activation forward/backward as plain loops over row-major arrays (rows x cols),
 * written branch-light so the JIT can vectorize them. Backward turns dA into dZ in place.
 */
final class ActivationKernels {

    private ActivationKernels() {
    }

    /** a = f(z). {@code slopes} (1 x cols) is used by PRELU only. */
    static void forward(Activation f, double[] z, double[] a, int rows, int cols, double leaky, double alpha,
            double[] slopes) {
        int n = rows * cols;
        switch (f) {
            case SIGMOID -> {
                for (int i = 0; i < n; i++) {
                    a[i] = sigmoid(z[i]);
                }
            }
            case TANH -> {
                for (int i = 0; i < n; i++) {
                    a[i] = Math.tanh(z[i]);
                }
            }
            case RELU -> {
                for (int i = 0; i < n; i++) {
                    a[i] = Math.max(z[i], 0.0);
                }
            }
            case LEAKY_RELU -> {
                for (int i = 0; i < n; i++) {
                    double v = z[i];
                    a[i] = v > 0 ? v : leaky * v;
                }
            }
            case PRELU -> {
                for (int r = 0; r < rows; r++) {
                    int o = r * cols;
                    for (int j = 0; j < cols; j++) {
                        double v = z[o + j];
                        a[o + j] = v > 0 ? v : slopes[j] * v;
                    }
                }
            }
            case ELU -> {
                for (int i = 0; i < n; i++) {
                    double v = z[i];
                    // expm1 keeps precision for small |z|, where the gradient check looks hardest
                    a[i] = v > 0 ? v : alpha * Math.expm1(v);
                }
            }
            case LINEAR -> System.arraycopy(z, 0, a, 0, n);
        }
    }

    /**
     * d = d * f'(z) in place (d holds dL/dA on entry, dL/dZ on exit). For PRELU also writes
     * dL/dslope (1 x cols) into {@code slopeGrad}, overwriting it.
     */
    static void backward(Activation f, double[] z, double[] a, double[] d, int rows, int cols, double leaky,
            double alpha, double[] slopes, double[] slopeGrad) {
        int n = rows * cols;
        switch (f) {
            case SIGMOID -> {
                for (int i = 0; i < n; i++) {
                    double s = a[i];
                    d[i] *= s * (1.0 - s);
                }
            }
            case TANH -> {
                for (int i = 0; i < n; i++) {
                    double t = a[i];
                    d[i] *= 1.0 - t * t;
                }
            }
            case RELU -> {
                for (int i = 0; i < n; i++) {
                    d[i] = z[i] > 0 ? d[i] : 0.0;
                }
            }
            case LEAKY_RELU -> {
                for (int i = 0; i < n; i++) {
                    d[i] = z[i] > 0 ? d[i] : leaky * d[i];
                }
            }
            case PRELU -> {
                java.util.Arrays.fill(slopeGrad, 0, cols, 0.0);
                for (int r = 0; r < rows; r++) {
                    int o = r * cols;
                    for (int j = 0; j < cols; j++) {
                        double v = z[o + j];
                        double g = d[o + j];
                        boolean pos = v > 0;
                        slopeGrad[j] += pos ? 0.0 : g * v;
                        d[o + j] = pos ? g : slopes[j] * g;
                    }
                }
            }
            case ELU -> {
                for (int i = 0; i < n; i++) {
                    // for z <= 0: d/dz alpha*(e^z - 1) = alpha*e^z = a + alpha
                    d[i] = z[i] > 0 ? d[i] : d[i] * (a[i] + alpha);
                }
            }
            case LINEAR -> {
                // identity: dZ = dA
            }
        }
    }

    /** Overflow-free logistic function: never evaluates exp of a large positive number. */
    static double sigmoid(double z) {
        if (z >= 0) {
            return 1.0 / (1.0 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1.0 + e);
    }
}
