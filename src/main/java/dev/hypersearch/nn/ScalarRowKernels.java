package dev.hypersearch.nn;

import java.util.Arrays;

/** {@link RowKernels} as plain loops: the reference, and the path on every JVM. */
final class ScalarRowKernels implements RowKernels {

    static final ScalarRowKernels INSTANCE = new ScalarRowKernels();

    private ScalarRowKernels() {
    }

    @Override
    public void addRow(double[] m, int rows, int cols, double[] v) {
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            for (int j = 0; j < cols; j++) {
                m[o + j] += v[j];
            }
        }
    }

    @Override
    public void columnSums(double[] m, int rows, int cols, double[] out) {
        Arrays.fill(out, 0, cols, 0.0);
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            for (int j = 0; j < cols; j++) {
                out[j] += m[o + j];
            }
        }
    }

    @Override
    public void kinkForward(double[] z, double[] a, int n, double below) {
        kinkForward(z, a, 0, n, below);
    }

    @Override
    public void kinkBackward(double[] z, double[] d, int n, double below) {
        kinkBackward(z, d, 0, n, below);
    }

    @Override
    public void activationBackwardSums(Activation f, double[] z, double[] a, double[] d, double[] x, int rows,
            int cols, double alpha, double[] sums, double[] dots) {
        ScalarActivationRows.backwardSums(f, z, a, d, x, rows, cols, alpha, sums, dots);
    }

    @Override
    public void eluBackward(double[] z, double[] a, double[] d, int n, double alpha) {
        eluBackward(z, a, d, 0, n, alpha);
    }

    @Override
    public void preluForward(double[] z, double[] a, int rows, int cols, double[] slopes) {
        for (int r = 0; r < rows; r++) {
            preluForward(z, a, r * cols, 0, cols, slopes);
        }
    }

    @Override
    public void preluBackward(double[] z, double[] d, int rows, int cols, double[] slopes, double[] slopeGrad) {
        Arrays.fill(slopeGrad, 0, cols, 0.0);
        for (int r = 0; r < rows; r++) {
            preluBackward(z, d, r * cols, 0, cols, slopes, slopeGrad);
        }
    }

    /** preluForward over columns from..to-1 of the row at offset o (also the vector path's column tail). */
    static void preluForward(double[] z, double[] a, int o, int from, int to, double[] slopes) {
        for (int j = from; j < to; j++) {
            double v = z[o + j];
            double s = slopes[j];
            a[o + j] = v * (s + (1.0 - s) * ActivationKernels.positive(v));
        }
    }

    /** preluBackward's step over columns from..to-1 of the row at offset o, adding into slopeGrad. */
    static void preluBackward(double[] z, double[] d, int o, int from, int to, double[] slopes, double[] slopeGrad) {
        for (int j = from; j < to; j++) {
            double v = z[o + j];
            double g = d[o + j];
            double p = ActivationKernels.positive(v);
            double s = slopes[j];
            slopeGrad[j] += (1.0 - p) * g * v;
            d[o + j] = g * (s + (1.0 - s) * p);
        }
    }

    @Override
    public void addRowRelu(double[] m, double[] a, int rows, int cols, double[] v) {
        for (int r = 0; r < rows; r++) {
            addRowRelu(m, a, r * cols, 0, cols, v);
        }
    }

    @Override
    public void addRowKink(double[] m, double[] a, int rows, int cols, double[] v, double below) {
        for (int r = 0; r < rows; r++) {
            addRowKink(m, a, r * cols, 0, cols, v, below);
        }
    }

    @Override
    public void kinkBackwardSums(double[] z, double[] d, int rows, int cols, double below, double[] sums) {
        Arrays.fill(sums, 0, cols, 0.0);
        for (int r = 0; r < rows; r++) {
            kinkBackwardSums(z, d, r * cols, 0, cols, below, sums);
        }
    }

    @Override
    public void kinkBackwardSumsAndDots(double[] z, double[] d, double[] x, int rows, int cols, double below,
            double[] sums, double[] dots) {
        Arrays.fill(sums, 0, cols, 0.0);
        Arrays.fill(dots, 0, cols, 0.0);
        for (int r = 0; r < rows; r++) {
            kinkBackwardSumsAndDots(z, d, x, r * cols, 0, cols, below, sums, dots);
        }
    }

    @Override
    public void addRowPrelu(double[] m, double[] a, int rows, int cols, double[] v, double[] slopes) {
        for (int r = 0; r < rows; r++) {
            addRowPrelu(m, a, r * cols, 0, cols, v, slopes);
        }
    }

    @Override
    public void preluBackwardSums(double[] z, double[] d, int rows, int cols, double[] slopes, double[] slopeGrad,
            double[] sums) {
        Arrays.fill(slopeGrad, 0, cols, 0.0);
        Arrays.fill(sums, 0, cols, 0.0);
        for (int r = 0; r < rows; r++) {
            preluBackwardSums(z, d, r * cols, 0, cols, slopes, slopeGrad, sums);
        }
    }

    @Override
    public void preluBackwardSumsAndDots(double[] z, double[] d, double[] x, int rows, int cols, double[] slopes,
            double[] slopeGrad, double[] sums, double[] dots) {
        Arrays.fill(slopeGrad, 0, cols, 0.0);
        Arrays.fill(sums, 0, cols, 0.0);
        Arrays.fill(dots, 0, cols, 0.0);
        for (int r = 0; r < rows; r++) {
            preluBackwardSumsAndDots(z, d, x, r * cols, 0, cols, slopes, slopeGrad, sums, dots);
        }
    }

    // The fused loops' steps over columns from..to-1 of the row at offset o (also the vector paths' column tails).

    static void addRowRelu(double[] m, double[] a, int o, int from, int to, double[] v) {
        for (int j = from; j < to; j++) {
            double x = m[o + j] + v[j];
            m[o + j] = x;
            a[o + j] = Math.max(x, 0.0);
        }
    }

    static void addRowKink(double[] m, double[] a, int o, int from, int to, double[] v, double below) {
        for (int j = from; j < to; j++) {
            double x = m[o + j] + v[j];
            double p = ActivationKernels.positive(x);
            m[o + j] = x;
            a[o + j] = x * (p + (1.0 - p) * below);
        }
    }

    static void addRowPrelu(double[] m, double[] a, int o, int from, int to, double[] v, double[] slopes) {
        for (int j = from; j < to; j++) {
            double x = m[o + j] + v[j];
            double s = slopes[j];
            m[o + j] = x;
            a[o + j] = x * (s + (1.0 - s) * ActivationKernels.positive(x));
        }
    }

    static void preluBackwardSums(double[] z, double[] d, int o, int from, int to, double[] slopes,
            double[] slopeGrad, double[] sums) {
        for (int j = from; j < to; j++) {
            double v = z[o + j];
            double g = d[o + j];
            double p = ActivationKernels.positive(v);
            double s = slopes[j];
            slopeGrad[j] += (1.0 - p) * g * v;
            double dz = g * (s + (1.0 - s) * p);
            d[o + j] = dz;
            sums[j] += dz;
        }
    }

    static void preluBackwardSumsAndDots(double[] z, double[] d, double[] x, int o, int from, int to,
            double[] slopes, double[] slopeGrad, double[] sums, double[] dots) {
        for (int j = from; j < to; j++) {
            double v = z[o + j];
            double g = d[o + j];
            double p = ActivationKernels.positive(v);
            double s = slopes[j];
            slopeGrad[j] += (1.0 - p) * g * v;
            double dz = g * (s + (1.0 - s) * p);
            d[o + j] = dz;
            sums[j] += dz;
            dots[j] += dz * x[o + j];
        }
    }

    static void kinkBackwardSums(double[] z, double[] d, int o, int from, int to, double below, double[] sums) {
        for (int j = from; j < to; j++) {
            double p = ActivationKernels.positive(z[o + j]);
            double g = d[o + j] * (p + (1.0 - p) * below);
            d[o + j] = g;
            sums[j] += g;
        }
    }

    static void kinkBackwardSumsAndDots(double[] z, double[] d, double[] x, int o, int from, int to, double below,
            double[] sums, double[] dots) {
        for (int j = from; j < to; j++) {
            double p = ActivationKernels.positive(z[o + j]);
            double g = d[o + j] * (p + (1.0 - p) * below);
            d[o + j] = g;
            sums[j] += g;
            dots[j] += g * x[o + j];
        }
    }

    // Branch-free with ActivationKernels.positive (p is 0 or 1), so each factor is exactly 1 or the other value.

    /** kinkForward over indices from..to-1 (also the vector path's tail). */
    static void kinkForward(double[] z, double[] a, int from, int to, double below) {
        for (int i = from; i < to; i++) {
            double v = z[i];
            double p = ActivationKernels.positive(v);
            a[i] = v * (p + (1.0 - p) * below);
        }
    }

    /** kinkBackward over indices from..to-1. */
    static void kinkBackward(double[] z, double[] d, int from, int to, double below) {
        for (int i = from; i < to; i++) {
            double p = ActivationKernels.positive(z[i]);
            d[i] *= p + (1.0 - p) * below;
        }
    }

    /** eluBackward over indices from..to-1; for z <= 0, d/dz alpha (e^z - 1) = alpha e^z = a + alpha. */
    static void eluBackward(double[] z, double[] a, double[] d, int from, int to, double alpha) {
        for (int i = from; i < to; i++) {
            double p = ActivationKernels.positive(z[i]);
            d[i] *= p + (1.0 - p) * (a[i] + alpha);
        }
    }

    @Override
    public void squaredDeviations(double[] m, int rows, int cols, double[] mean, double[] out) {
        Arrays.fill(out, 0, cols, 0.0);
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            for (int j = 0; j < cols; j++) {
                double dv = m[o + j] - mean[j];
                out[j] += dv * dv;
            }
        }
    }

    @Override
    public void normalize(double[] z, double[] xhat, int rows, int cols, double[] mean, double[] invStd,
            double[] gamma, double[] beta) {
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            for (int j = 0; j < cols; j++) {
                double h = (z[o + j] - mean[j]) * invStd[j];
                xhat[o + j] = h;
                z[o + j] = gamma[j] * h + beta[j];
            }
        }
    }

    @Override
    public void scaleShift(double[] m, int rows, int cols, double[] scale, double[] shift) {
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            for (int j = 0; j < cols; j++) {
                m[o + j] = m[o + j] * scale[j] + shift[j];
            }
        }
    }

    @Override
    public void sumsAndDots(double[] d, double[] x, int rows, int cols, double[] sums, double[] dots) {
        Arrays.fill(sums, 0, cols, 0.0);
        Arrays.fill(dots, 0, cols, 0.0);
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            for (int j = 0; j < cols; j++) {
                double dy = d[o + j];
                sums[j] += dy;
                dots[j] += dy * x[o + j];
            }
        }
    }

    @Override
    public void centerScale(double[] d, double[] x, int rows, int cols, double[] p, double[] q, double[] k) {
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            for (int j = 0; j < cols; j++) {
                d[o + j] = (d[o + j] - (p[j] + x[o + j] * q[j])) * k[j];
            }
        }
    }
}
