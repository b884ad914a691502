package dev.hypersearch.nn;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Float32Adam} on the Vector API: a vector of doubles (w, g) converts to a vector of as many floats (m, v, the
 * step) of half the width and back, with the same float operations in the same order as {@link Float32Adam#plain}, so
 * the results are bit-identical. Named only from {@link VectorTranscendentals}, so a JVM without the incubator module
 * never links it.
 */
final class VectorFloat32Adam implements Float32Adam {

    static final VectorFloat32Adam INSTANCE = new VectorFloat32Adam();

    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    /** As many floats as D has doubles. */
    private static final VectorSpecies<Float> F = VectorSpecies.of(float.class,
            VectorShape.forBitSize(D.vectorBitSize() / 2));

    private VectorFloat32Adam() {
    }

    @Override
    public void step(double[] w, double[] g, float[] m, float[] v, int n, double decay, float b1, float a1, float b2,
            float a2, float step, float c2, float eps) {
        int lanes = D.length();
        int bound = D.loopBound(n);
        int i = 0;
        // two loops rather than a branch on decay inside one: no vector flows through a merge, which C2 may box
        if (decay > 0) {
            for (; i < bound; i += lanes) {
                DoubleVector wd = DoubleVector.fromArray(D, w, i);
                DoubleVector gd = DoubleVector.fromArray(D, g, i).add(wd.mul(decay));
                update(wd, gd, w, m, v, i, b1, a1, b2, a2, step, c2, eps);
            }
        } else {
            for (; i < bound; i += lanes) {
                update(DoubleVector.fromArray(D, w, i), DoubleVector.fromArray(D, g, i), w, m, v, i, b1, a1, b2, a2,
                        step, c2, eps);
            }
        }
        Float32Adam.plain(w, g, m, v, i, n, decay, b1, a1, b2, a2, step, c2, eps);
    }

    private static void update(DoubleVector wd, DoubleVector gd, double[] w, float[] m, float[] v, int i, float b1,
            float a1, float b2, float a2, float step, float c2, float eps) {
        FloatVector gi = (FloatVector) gd.convertShape(VectorOperators.D2F, F, 0);
        FloatVector mi = FloatVector.fromArray(F, m, i).mul(b1).add(gi.mul(a1));
        FloatVector vi = FloatVector.fromArray(F, v, i).mul(b2).add(gi.mul(gi).mul(a2));
        mi.intoArray(m, i);
        vi.intoArray(v, i);
        FloatVector q = mi.mul(step).div(vi.mul(c2).lanewise(VectorOperators.SQRT).add(eps));
        wd.sub((DoubleVector) q.convertShape(VectorOperators.F2D, D, 0)).intoArray(w, i);
    }
}
