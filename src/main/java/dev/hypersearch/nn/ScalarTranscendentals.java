package dev.hypersearch.nn;

/** {@link Transcendentals} as plain loops over {@code Math}: the reference, and the path on every JVM. */
final class ScalarTranscendentals implements Transcendentals {

    static final ScalarTranscendentals INSTANCE = new ScalarTranscendentals();

    private ScalarTranscendentals() {
    }

    @Override
    public void tanh(double[] z, double[] a, int n) {
        for (int i = 0; i < n; i++) {
            a[i] = Math.tanh(z[i]);
        }
    }

    @Override
    public void sigmoid(double[] z, double[] a, int n) {
        for (int i = 0; i < n; i++) {
            a[i] = ActivationKernels.sigmoid(z[i]);
        }
    }

    @Override
    public void elu(double[] z, double[] a, int n, double alpha) {
        elu(z, a, 0, n, alpha);
    }

    /** ELU over indices from..to-1 (also the vector path's tail). */
    static void elu(double[] z, double[] a, int from, int to, double alpha) {
        for (int i = from; i < to; i++) {
            double v = z[i];
            double p = ActivationKernels.positive(v);
            // expm1 of min(v, 0) keeps the unused branch finite; expm1 keeps precision near 0
            a[i] = p * v + (1.0 - p) * alpha * Math.expm1(Math.min(v, 0.0));
        }
    }

    @Override
    public void addRowActivation(Activation f, double[] m, double[] a, int rows, int cols, double[] v,
            double alpha) {
        ScalarActivationRows.addRowActivation(f, m, a, rows, cols, v, alpha);
    }

    @Override
    public void normalizeActivation(Activation f, double[] z, double[] xhat, double[] a, int rows, int cols,
            double[] mean, double[] invStd, double[] gamma, double[] beta, double below, double alpha,
            double[] slopes) {
        ScalarActivationRows.normalizeActivation(f, z, xhat, a, rows, cols, mean, invStd, gamma, beta, below, alpha,
                slopes);
    }

    @Override
    public void exp(double[] x, double[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = Math.exp(x[i]);
        }
    }

    @Override
    public RowKernels rows() {
        return ScalarRowKernels.INSTANCE;
    }

    /** None: C2 leaves {@link Float32Adam#plain} scalar, 5x slower than the float64 update. */
    @Override
    public Float32Adam float32Adam() {
        return null;
    }

    @Override
    public String name() {
        return "math";
    }
}
