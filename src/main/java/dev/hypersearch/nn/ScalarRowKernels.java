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
    public void eluBackward(double[] z, double[] a, double[] d, int n, double alpha) {
        eluBackward(z, a, d, 0, n, alpha);
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
