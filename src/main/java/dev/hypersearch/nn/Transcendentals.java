package dev.hypersearch.nn;

/**
 * The engine's elementwise kernels that have a faster Vector API form, over the first {@code n} values of row-major
 * arrays: the activations that need a transcendental function, softmax's exponentials, and (through
 * {@link #rows()}) the row loops that C2 leaves scalar. {@code Math.tanh} costs about 30 ns a value on HotSpot (it is
 * not intrinsified), ten times a ReLU layer's GEMM share, so these come in two sets, chosen with the GEMM
 * ({@link Gemm#transcendentals()}): plain {@code Math} calls and loops ({@code ScalarTranscendentals}), and the
 * Vector API's ({@code VectorTranscendentals}, within a few ulps of {@code Math}, see VectorTranscendentalsTest).
 */
public interface Transcendentals {

    /** a[i] = tanh(z[i]). */
    void tanh(double[] z, double[] a, int n);

    /** a[i] = 1 / (1 + e^-z[i]), without overflow. */
    void sigmoid(double[] z, double[] a, int n);

    /** a[i] = z[i] if z[i] > 0, else alpha (e^z[i] - 1). */
    void elu(double[] z, double[] a, int n, double alpha);

    /**
     * m[r, j] += v[j] (the bias), then a = f(m), in one pass over m (f: SIGMOID, TANH, ELU or LINEAR; alpha: ELU's),
     * with the values of {@code rows().addRow} then this set's f up to the column tails' rounding.
     */
    void addRowActivation(Activation f, double[] m, double[] a, int rows, int cols, double[] v, double alpha);

    /**
     * Batch norm's training transform ({@code rows().normalize}: xhat, and z replaced by gamma xhat + beta), then
     * a = f(z), in one pass over z, for any activation (below: leaky ReLU's slope, alpha: ELU's, slopes: PReLU's); the
     * values of normalize then this set's activation up to the column tails' rounding.
     */
    void normalizeActivation(Activation f, double[] z, double[] xhat, double[] a, int rows, int cols, double[] mean,
            double[] invStd, double[] gamma, double[] beta, double below, double alpha, double[] slopes);

    /** out[i] = e^x[i] (out may be x). */
    void exp(double[] x, double[] out, int n);

    /** The row loops of the same instruction set (bias, column sums, kinked activations, batch norm). */
    RowKernels rows();

    /**
     * Adam's update for float32 moments (float32 runs), or null where it would be slower than float64's: plain loops
     * do not vectorize the conversions.
     */
    Float32Adam float32Adam();

    /** Short name for logs and benchmark output. */
    String name();
}
