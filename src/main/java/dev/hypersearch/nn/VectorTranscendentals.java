package dev.hypersearch.nn;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Transcendentals} with the Vector API's lanewise EXP and EXPM1, which C2 compiles to Intel's SVML routines on
 * x86-64 (about 10x {@code Math.exp}/{@code expm1} a value); tails go through {@link ScalarTranscendentals}. Like
 * {@link VectorGemm}, named only from {@code VectorGemm}, so a JVM without the incubator module never links it.
 *
 * <p>Not the lanewise TANH: on JDK 17 with AVX2 (an AMD EPYC) C2 does not intrinsify it ({@code -XX:+PrintIntrinsics}:
 * "failed to inline (intrinsic)", although libjsvml has a 4-lane tanh), so every lane falls back to {@code Math.tanh}
 * through a boxed path: 34-37 ns a value, slower than the plain loop, where EXPM1 takes 2.6. tanh is computed from
 * EXPM1 instead, see {@link #tanh}.
 */
final class VectorTranscendentals implements Transcendentals {

    static final VectorTranscendentals INSTANCE = new VectorTranscendentals();

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    static final double SATURATED = 20.0;

    private VectorTranscendentals() {
    }

    /**
     * These on x86-64, where C2 calls Intel's SVML stubs; elsewhere JDK 17 runs the lanewise functions lane by lane
     * in Java, slower than {@code Math}, so the plain ones.
     */
    static Transcendentals forThisMachine() {
        String arch = System.getProperty("os.arch", "");
        return arch.equals("amd64") || arch.equals("x86_64") ? INSTANCE : ScalarTranscendentals.INSTANCE;
    }

    /**
     * tanh(z) = sign(z) e / (e + 2) with e = expm1(2|z|), exact in real numbers. Rounding: expm1's error (SVML: at most
     * 1 ulp) passes to the quotient damped by 2 / (e + 2) <= 1, the sum and the division add half an ulp each, so the
     * result is within 2 ulps of tanh, hence within 4.5 of {@code Math.tanh} (itself within 2.5); measured at most 3
     * over 4 million points (VectorTranscendentalsTest). expm1 keeps the relative precision near 0 that
     * 1 - 2 / (e^2z + 1) would lose. |z| is clamped at {@value #SATURATED}: beyond, tanh is 1 in doubles
     * (1 - tanh(19.1) < 2^-54) and e would overflow.
     */
    @Override
    public void tanh(double[] z, double[] a, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            tanh(DoubleVector.fromArray(S, z, i)).intoArray(a, i);
        }
        for (; i < n; i++) {
            a[i] = Math.tanh(z[i]);
        }
    }

    /** tanh of each lane, as {@link #tanh(double[], double[], int)} states (also the fused loops' form). */
    static DoubleVector tanh(DoubleVector v) {
        DoubleVector e = v.abs().min(SATURATED).mul(2.0).lanewise(VectorOperators.EXPM1);
        DoubleVector t = e.div(e.add(2.0));
        return t.blend(t.neg(), v.compare(VectorOperators.LT, 0.0));
    }

    @Override
    public void sigmoid(double[] z, double[] a, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            sigmoid(DoubleVector.fromArray(S, z, i)).intoArray(a, i);
        }
        for (; i < n; i++) {
            a[i] = ActivationKernels.sigmoid(z[i]);
        }
    }

    /** 1 / (1 + e^-v) of each lane: e^-v overflows to infinity for v < -709, and 1 / (1 + inf) is the correct 0. */
    static DoubleVector sigmoid(DoubleVector v) {
        DoubleVector one = DoubleVector.broadcast(S, 1.0);
        return one.div(v.neg().lanewise(VectorOperators.EXP).add(one));
    }

    @Override
    public void elu(double[] z, double[] a, int n, double alpha) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            elu(DoubleVector.fromArray(S, z, i), alpha).intoArray(a, i);
        }
        ScalarTranscendentals.elu(z, a, i, n, alpha);
    }

    /** ELU of each lane: v where v > 0, else alpha (e^v - 1). */
    static DoubleVector elu(DoubleVector v, double alpha) {
        VectorMask<Double> positive = v.compare(VectorOperators.GT, 0.0);
        return v.min(0.0).lanewise(VectorOperators.EXPM1).mul(alpha).blend(v, positive);
    }

    @Override
    public void addRowActivation(Activation f, double[] m, double[] a, int rows, int cols, double[] v,
            double alpha) {
        VectorActivationRows.addRowActivation(f, m, a, rows, cols, v, alpha);
    }

    @Override
    public void normalizeActivation(Activation f, double[] z, double[] xhat, double[] a, int rows, int cols,
            double[] mean, double[] invStd, double[] gamma, double[] beta, double below, double alpha,
            double[] slopes) {
        VectorNormalizeRows.normalizeActivation(f, z, xhat, a, rows, cols, mean, invStd, gamma, beta, below, alpha,
                slopes);
    }

    @Override
    public void exp(double[] x, double[] out, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            DoubleVector.fromArray(S, x, i).lanewise(VectorOperators.EXP).intoArray(out, i);
        }
        for (; i < n; i++) {
            out[i] = Math.exp(x[i]);
        }
    }

    @Override
    public RowKernels rows() {
        return VectorRowKernels.INSTANCE;
    }

    @Override
    public Float32Adam float32Adam() {
        return VectorFloat32Adam.INSTANCE;
    }

    @Override
    public String name() {
        return "vector";
    }
}
