package dev.hypersearch.nn;

/**
 * Elementwise activation forward/backward as plain loops over row-major arrays (rows x cols).
 * Backward turns dA into dZ in place.
 *
 * <p>Why no {@code z > 0 ? x : y} on doubles: C2 compiles it to a branch on x86, and the sign of
 * a pre-activation is a coin flip, so that branch mispredicts half the time (it cost more than
 * the GEMMs' own time in profiles). The kinked functions instead multiply by {@link #positive},
 * a 0/1 factor built from the sign bit with integer ops only.
 */
final class ActivationKernels {

    private static final long ONE_BITS = Double.doubleToRawLongBits(1.0);

    private ActivationKernels() {
    }

    /**
     * 1.0 if v > 0, else 0.0 (also for -0.0 and +0.0, matching ReLU'(0) = 0), without a branch:
     * 0.0 - v has its sign bit set exactly when v > 0.
     */
    static double positive(double v) {
        return Double.longBitsToDouble((Double.doubleToRawLongBits(0.0 - v) >> 63) & ONE_BITS);
    }

    /**
     * a = f(z). {@code slopes} (1 x cols) is used by PRELU only; {@code t} computes the transcendental ones and
     * (its {@link Transcendentals#rows()}) leaky ReLU's mask.
     */
    static void forward(Activation f, Transcendentals t, double[] z, double[] a, int rows, int cols, double leaky,
            double alpha, double[] slopes) {
        int n = rows * cols;
        switch (f) {
            case SIGMOID -> t.sigmoid(z, a, n);
            case TANH -> t.tanh(z, a, n);
            case RELU -> {
                for (int i = 0; i < n; i++) {
                    a[i] = Math.max(z[i], 0.0);
                }
            }
            case LEAKY_RELU -> t.rows().kinkForward(z, a, n, leaky);
            case PRELU -> t.rows().preluForward(z, a, rows, cols, slopes);
            case ELU -> t.elu(z, a, n, alpha);
            case LINEAR -> System.arraycopy(z, 0, a, 0, n);
        }
    }

    /**
     * d = d * f'(z) in place (d holds dL/dA on entry, dL/dZ on exit). For PRELU also writes
     * dL/dslope (1 x cols) into {@code slopeGrad}, overwriting it. {@code k} runs the kinked ones' masks.
     */
    static void backward(Activation f, RowKernels k, double[] z, double[] a, double[] d, int rows, int cols,
            double leaky, double alpha, double[] slopes, double[] slopeGrad) {
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
            case RELU -> k.kinkBackward(z, d, n, 0.0);
            case LEAKY_RELU -> k.kinkBackward(z, d, n, leaky);
            case PRELU -> k.preluBackward(z, d, rows, cols, slopes, slopeGrad);
            case ELU -> k.eluBackward(z, a, d, n, alpha);
            case LINEAR -> {
                // identity: dZ = dA
            }
        }
    }

    /**
     * Overflow-free logistic function, branch-free for the same reason as above: with
     * e = exp(-|z|), sigmoid(z) = 1/(1+e) for z > 0 and e/(1+e) otherwise.
     */
    static double sigmoid(double z) {
        double e = Math.exp(-Math.abs(z));
        long m = Double.doubleToRawLongBits(0.0 - z) >> 63;
        double num = Double.longBitsToDouble((ONE_BITS & m) | (Double.doubleToRawLongBits(e) & ~m));
        return num / (1.0 + e);
    }
}
