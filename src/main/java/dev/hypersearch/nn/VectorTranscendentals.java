package dev.hypersearch.nn;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Transcendentals} with the Vector API's lanewise TANH, EXP and EXPM1, which C2 compiles to Intel's SVML
 * routines on x86-64 (about 10x {@code Math.tanh}); tails go through {@link ScalarTranscendentals}. Like
 * {@link VectorGemm}, named only from {@code VectorGemm}, so a JVM without the incubator module never links it.
 */
final class VectorTranscendentals implements Transcendentals {

    static final VectorTranscendentals INSTANCE = new VectorTranscendentals();

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

    private VectorTranscendentals() {
    }

    @Override
    public void tanh(double[] z, double[] a, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            DoubleVector.fromArray(S, z, i).lanewise(VectorOperators.TANH).intoArray(a, i);
        }
        for (; i < n; i++) {
            a[i] = Math.tanh(z[i]);
        }
    }

    @Override
    public void sigmoid(double[] z, double[] a, int n) {
        DoubleVector one = DoubleVector.broadcast(S, 1.0);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            // e^-z overflows to infinity for z < -709, and 1 / (1 + inf) is the correct 0
            DoubleVector e = DoubleVector.fromArray(S, z, i).neg().lanewise(VectorOperators.EXP);
            one.div(e.add(one)).intoArray(a, i);
        }
        for (; i < n; i++) {
            a[i] = ActivationKernels.sigmoid(z[i]);
        }
    }

    @Override
    public void elu(double[] z, double[] a, int n, double alpha) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            DoubleVector v = DoubleVector.fromArray(S, z, i);
            VectorMask<Double> positive = v.compare(VectorOperators.GT, 0.0);
            DoubleVector negative = v.min(0.0).lanewise(VectorOperators.EXPM1).mul(alpha);
            negative.blend(v, positive).intoArray(a, i);
        }
        ScalarTranscendentals.elu(z, a, i, n, alpha);
    }

    @Override
    public String name() {
        return "vector";
    }
}
