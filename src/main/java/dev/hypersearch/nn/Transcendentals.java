package dev.hypersearch.nn;

/**
 * The activations that need a transcendental function, over the first {@code n} values of row-major arrays.
 * {@code Math.tanh} costs about 20 ns a value on HotSpot (it is not intrinsified), ten times a ReLU layer's GEMM
 * share, so these come in two sets, chosen with the GEMM ({@link Gemm#transcendentals()}): plain {@code Math}
 * calls, and the Vector API's lanewise functions (Intel's SVML stubs on x86-64), within a few ulps of
 * {@code Math} (see VectorTranscendentalsTest).
 */
public interface Transcendentals {

    /** a[i] = tanh(z[i]). */
    void tanh(double[] z, double[] a, int n);

    /** a[i] = 1 / (1 + e^-z[i]), without overflow. */
    void sigmoid(double[] z, double[] a, int n);

    /** a[i] = z[i] if z[i] > 0, else alpha (e^z[i] - 1). */
    void elu(double[] z, double[] a, int n, double alpha);

    /** Short name for logs and benchmark output. */
    String name();
}
