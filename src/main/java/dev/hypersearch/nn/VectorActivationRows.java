package dev.hypersearch.nn;

import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link ScalarActivationRows}' fused loops on the Vector API, a vector of columns at a time against the column
 * vectors. Backward: the same operations in the same order as the plain loops, so bit-identical. Forward: the bias
 * sum is, and the activation is {@link VectorTranscendentals}' lanewise form, the unfused loop's: the same values once
 * C2 has compiled both loops (a lanewise EXP or EXPM1 not yet compiled takes Math per lane and may differ by an ulp);
 * a row's column tail takes {@code Math}, within that class's bounds.
 * One small method per activation (see VectorNormalizeRows): no vector flows through a merge, which C2 may box.
 * Named only from the Vector API classes, so a JVM without the incubator module never links it.
 */
final class VectorActivationRows {

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private VectorActivationRows() {
    }

    static void addRowActivation(Activation f, double[] m, double[] a, int rows, int cols, double[] v, double alpha) {
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            int j = switch (f) {
                case SIGMOID -> addRowSigmoid(m, a, o, cols, v);
                case TANH -> addRowTanh(m, a, o, cols, v);
                case ELU -> addRowElu(m, a, o, cols, v, alpha);
                default -> addRowLinear(m, a, o, cols, v);
            };
            ScalarActivationRows.addRowActivation(f, m, a, o, j, cols, v, alpha);
        }
    }

    // Each over the row at offset o, up to the vector loop's bound, which it returns (where the column tail starts).

    private static int addRowSigmoid(double[] m, double[] a, int o, int cols, double[] v) {
        int j = 0;
        for (int bound = S.loopBound(cols); j < bound; j += L) {
            VectorTranscendentals.sigmoid(biased(m, o + j, v, j)).intoArray(a, o + j);
        }
        return j;
    }

    private static int addRowTanh(double[] m, double[] a, int o, int cols, double[] v) {
        int j = 0;
        for (int bound = S.loopBound(cols); j < bound; j += L) {
            VectorTranscendentals.tanh(biased(m, o + j, v, j)).intoArray(a, o + j);
        }
        return j;
    }

    private static int addRowElu(double[] m, double[] a, int o, int cols, double[] v, double alpha) {
        int j = 0;
        for (int bound = S.loopBound(cols); j < bound; j += L) {
            VectorTranscendentals.elu(biased(m, o + j, v, j), alpha).intoArray(a, o + j);
        }
        return j;
    }

    private static int addRowLinear(double[] m, double[] a, int o, int cols, double[] v) {
        int j = 0;
        for (int bound = S.loopBound(cols); j < bound; j += L) {
            biased(m, o + j, v, j).intoArray(a, o + j);
        }
        return j;
    }

    /** m + v at (o, j), stored back into m. */
    private static DoubleVector biased(double[] m, int i, double[] v, int j) {
        DoubleVector x = DoubleVector.fromArray(S, m, i).add(DoubleVector.fromArray(S, v, j));
        x.intoArray(m, i);
        return x;
    }

    static void backwardSums(Activation f, double[] z, double[] a, double[] d, double[] x, int rows, int cols,
            double alpha, double[] sums, double[] dots) {
        Arrays.fill(sums, 0, cols, 0.0);
        if (x != null) {
            Arrays.fill(dots, 0, cols, 0.0);
        }
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            int j = switch (f) {
                case SIGMOID -> sigmoidBackward(a, d, x, o, cols, sums, dots);
                case TANH -> tanhBackward(a, d, x, o, cols, sums, dots);
                case ELU -> eluBackward(z, a, d, x, o, cols, alpha, sums, dots);
                default -> linearBackward(d, x, o, cols, sums, dots);
            };
            ScalarActivationRows.backwardSums(f, z, a, d, x, o, j, cols, alpha, sums, dots);
        }
    }

    private static int sigmoidBackward(double[] a, double[] d, double[] x, int o, int cols, double[] sums,
            double[] dots) {
        DoubleVector one = DoubleVector.broadcast(S, 1.0);
        int j = 0;
        for (int bound = S.loopBound(cols); j < bound; j += L) {
            DoubleVector s = DoubleVector.fromArray(S, a, o + j);
            accumulate(DoubleVector.fromArray(S, d, o + j).mul(s.mul(one.sub(s))), d, x, o, j, sums, dots);
        }
        return j;
    }

    private static int tanhBackward(double[] a, double[] d, double[] x, int o, int cols, double[] sums,
            double[] dots) {
        DoubleVector one = DoubleVector.broadcast(S, 1.0);
        int j = 0;
        for (int bound = S.loopBound(cols); j < bound; j += L) {
            DoubleVector t = DoubleVector.fromArray(S, a, o + j);
            accumulate(DoubleVector.fromArray(S, d, o + j).mul(one.sub(t.mul(t))), d, x, o, j, sums, dots);
        }
        return j;
    }

    private static int eluBackward(double[] z, double[] a, double[] d, double[] x, int o, int cols, double alpha,
            double[] sums, double[] dots) {
        DoubleVector one = DoubleVector.broadcast(S, 1.0);
        int j = 0;
        for (int bound = S.loopBound(cols); j < bound; j += L) {
            // as VectorRowKernels.eluBackward: 1 where z > 0, else a + alpha
            DoubleVector below = DoubleVector.fromArray(S, a, o + j).add(alpha);
            DoubleVector factor = below.blend(one,
                    DoubleVector.fromArray(S, z, o + j).compare(VectorOperators.GT, 0.0));
            accumulate(DoubleVector.fromArray(S, d, o + j).mul(factor), d, x, o, j, sums, dots);
        }
        return j;
    }

    private static int linearBackward(double[] d, double[] x, int o, int cols, double[] sums, double[] dots) {
        int j = 0;
        for (int bound = S.loopBound(cols); j < bound; j += L) {
            accumulate(DoubleVector.fromArray(S, d, o + j), d, x, o, j, sums, dots);
        }
        return j;
    }

    /** Stores g as d's row slice and adds it into sums, and g * x into dots when x is not null. */
    private static void accumulate(DoubleVector g, double[] d, double[] x, int o, int j, double[] sums,
            double[] dots) {
        g.intoArray(d, o + j);
        DoubleVector.fromArray(S, sums, j).add(g).intoArray(sums, j);
        if (x != null) {
            DoubleVector.fromArray(S, dots, j).add(g.mul(DoubleVector.fromArray(S, x, o + j))).intoArray(dots, j);
        }
    }
}
