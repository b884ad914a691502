package dev.hypersearch.nn;

/**
 * The loops over "one row per example" matrices (row-major, {@code rows x cols}) that a layer runs besides its GEMM:
 * bias, column sums, the kinked activations' masks and batch norm's passes. Per-column vectors have {@code cols}
 * entries. Two sets, handed out by {@link Transcendentals#rows()}: plain loops ({@code ScalarRowKernels}; C2 leaves
 * most of them scalar because it cannot prove the row and the column vector apart) and the Vector API's
 * ({@code VectorRowKernels}, 3-4x faster at a hidden layer's shapes). Both give the same values up to the order of
 * floating-point additions, which they keep the same: sums run over rows in order, per column.
 */
public interface RowKernels {

    /** m[r, j] += v[j]. */
    void addRow(double[] m, int rows, int cols, double[] v);

    /** out[j] = sum over rows of m[r, j] (overwrites out). */
    void columnSums(double[] m, int rows, int cols, double[] out);

    /** a[i] = z[i] if z[i] > 0, else below * z[i] (leaky ReLU; any slope, also one above 1). */
    void kinkForward(double[] z, double[] a, int n, double below);

    /** d[i] *= 1 if z[i] > 0, else below (ReLU: below = 0, leaky ReLU: its slope). */
    void kinkBackward(double[] z, double[] d, int n, double below);

    /**
     * PReLU: a[r, j] = z[r, j] * (s + (1 - s) p) with s = slopes[j] and p = 1 if z[r, j] > 0, else 0 (so z above the
     * kink, s z below it, with the factor formed as the plain loop always has: bit for bit the same for any slope).
     */
    void preluForward(double[] z, double[] a, int rows, int cols, double[] slopes);

    /**
     * PReLU's backward: slopeGrad[j] = sum over rows of (1 - p) d[r, j] z[r, j] (overwritten; d as on entry), then
     * d[r, j] *= s + (1 - s) p, in one pass.
     */
    void preluBackward(double[] z, double[] d, int rows, int cols, double[] slopes, double[] slopeGrad);

    /** addRow, then a = max(m, 0) (ReLU's forward), in one pass over m. */
    void addRowRelu(double[] m, double[] a, int rows, int cols, double[] v);

    /** addRow, then a = kinkForward(m), in one pass over m. */
    void addRowKink(double[] m, double[] a, int rows, int cols, double[] v, double below);

    /** kinkBackward, then sums = columnSums(d) (the bias gradient), in one pass over d. */
    void kinkBackwardSums(double[] z, double[] d, int rows, int cols, double below, double[] sums);

    /** kinkBackward, then sumsAndDots(d, x) (batch norm's sums), in one pass over d. */
    void kinkBackwardSumsAndDots(double[] z, double[] d, double[] x, int rows, int cols, double below, double[] sums,
            double[] dots);

    /** addRow, then a = preluForward(m), in one pass over m. */
    void addRowPrelu(double[] m, double[] a, int rows, int cols, double[] v, double[] slopes);

    /** preluBackward, then sums = columnSums(d) (the bias gradient), in one pass over d. */
    void preluBackwardSums(double[] z, double[] d, int rows, int cols, double[] slopes, double[] slopeGrad,
            double[] sums);

    /** preluBackward, then sumsAndDots(d, x) (batch norm's sums), in one pass over d. */
    void preluBackwardSumsAndDots(double[] z, double[] d, double[] x, int rows, int cols, double[] slopes,
            double[] slopeGrad, double[] sums, double[] dots);

    /**
     * A smooth activation's backward (f: SIGMOID, TANH, ELU or LINEAR; a its output, z its input) with the sums that
     * follow it, in one pass: d *= f'(z), then sums = columnSums(d) and, when x is not null, dots = the column sums of
     * d * x (batch norm's sums and dots; dots is untouched when x is null).
     */
    void activationBackwardSums(Activation f, double[] z, double[] a, double[] d, double[] x, int rows, int cols,
            double alpha, double[] sums, double[] dots);

    /** ELU's backward: d[i] *= 1 if z[i] > 0, else a[i] + alpha (the derivative alpha e^z from the output). */
    void eluBackward(double[] z, double[] a, double[] d, int n, double alpha);

    /** out[j] = sum over rows of (m[r, j] - mean[j])^2 (overwrites out). */
    void squaredDeviations(double[] m, int rows, int cols, double[] mean, double[] out);

    /** Batch norm's training transform: xhat = (z - mean) * invStd, then z = gamma * xhat + beta. */
    void normalize(double[] z, double[] xhat, int rows, int cols, double[] mean, double[] invStd, double[] gamma,
            double[] beta);

    /** m[r, j] = m[r, j] * scale[j] + shift[j]. */
    void scaleShift(double[] m, int rows, int cols, double[] scale, double[] shift);

    /** sums[j] = sum over rows of d[r, j]; dots[j] = sum over rows of d[r, j] * x[r, j] (both overwritten). */
    void sumsAndDots(double[] d, double[] x, int rows, int cols, double[] sums, double[] dots);

    /** d[r, j] = (d[r, j] - (p[j] + x[r, j] * q[j])) * k[j]: batch norm's backward once its sums are known. */
    void centerScale(double[] d, double[] x, int rows, int cols, double[] p, double[] q, double[] k);
}
