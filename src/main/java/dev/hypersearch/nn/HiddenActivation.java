package dev.hypersearch.nn;

/**
 * A hidden layer's activation in the passes training makes over it: the bias and the activation in one pass forward,
 * and the derivative in the pass that sums dZ backward (for the bias gradient, or batch norm's sums and dots). One
 * dispatch, shared by {@link DenseLayer} and the warm-up's {@link ElementwiseProbes}, so the warm-up compiles the
 * kernels trials run.
 */
final class HiddenActivation {

    private HiddenActivation() {
    }

    /**
     * m[r, j] += b[j], then a = f(m), in one pass (below: leaky ReLU's slope, alpha: ELU's, slopes: PReLU's; the
     * same values as addRow, then the activation).
     */
    static void forwardWithBias(Transcendentals t, Activation f, double[] m, double[] a, int rows, int cols,
            double[] b, double below, double alpha, double[] slopes) {
        switch (f) {
            case RELU -> t.rows().addRowRelu(m, a, rows, cols, b);
            case LEAKY_RELU -> t.rows().addRowKink(m, a, rows, cols, b, below);
            case PRELU -> t.rows().addRowPrelu(m, a, rows, cols, b, slopes);
            default -> t.addRowActivation(f, m, a, rows, cols, b, alpha);
        }
    }

    /**
     * d *= f'(z) (a: the activation's output), and in the same pass sums = column sums of the new d and (when x is not
     * null, for batch norm) dots = column sums of d * x; PReLU's slope gradient (slopeGrad) too.
     */
    static void backwardSums(RowKernels k, Activation f, double[] z, double[] a, double[] d, double[] x, int rows,
            int cols, double below, double alpha, double[] slopes, double[] slopeGrad, double[] sums, double[] dots) {
        switch (f) {
            case RELU, LEAKY_RELU -> {
                double kink = f == Activation.RELU ? 0.0 : below;
                if (x == null) {
                    k.kinkBackwardSums(z, d, rows, cols, kink, sums);
                } else {
                    k.kinkBackwardSumsAndDots(z, d, x, rows, cols, kink, sums, dots);
                }
            }
            case PRELU -> {
                if (x == null) {
                    k.preluBackwardSums(z, d, rows, cols, slopes, slopeGrad, sums);
                } else {
                    k.preluBackwardSumsAndDots(z, d, x, rows, cols, slopes, slopeGrad, sums, dots);
                }
            }
            default -> k.activationBackwardSums(f, z, a, d, x, rows, cols, alpha, sums, dots);
        }
    }
}
