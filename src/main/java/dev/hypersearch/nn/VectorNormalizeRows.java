package dev.hypersearch.nn;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Batch norm's training transform and the activation in one pass ({@link Transcendentals#normalizeActivation}) on the
 * Vector API: the transform's operations are {@link VectorRowKernels#normalize}'s, each activation's those of its
 * unfused vector loop, so the values are bit-identical to normalize then the activation (for sigmoid, tanh and ELU once
 * C2 has compiled both loops, see VectorActivationRows) wherever the unfused loops took vectors; a row's column tail
 * takes
 * {@link ScalarActivationRows#normalizeActivation}. One method per activation: no vector flows through a merge. Named
 * only from the Vector API classes, so a JVM without the incubator module never links it.
 */
final class VectorNormalizeRows {

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private VectorNormalizeRows() {
    }

    static void normalizeActivation(Activation f, double[] z, double[] xhat, double[] a, int rows, int cols,
            double[] mean, double[] invStd, double[] gamma, double[] beta, double below, double alpha,
            double[] slopes) {
        // one small method per activation, each compiled on its own: one method holding them all grew past what C2
        // inlines, and the loop it compiled last boxed its vectors (350 MB allocated a 3 x 256 trial)
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            int j = switch (f) {
                case SIGMOID -> sigmoid(z, xhat, a, o, cols, mean, invStd, gamma, beta);
                case TANH -> tanh(z, xhat, a, o, cols, mean, invStd, gamma, beta);
                case ELU -> elu(z, xhat, a, o, cols, mean, invStd, gamma, beta, alpha);
                case RELU -> relu(z, xhat, a, o, cols, mean, invStd, gamma, beta);
                case LEAKY_RELU -> kink(z, xhat, a, o, cols, mean, invStd, gamma, beta, below);
                case PRELU -> prelu(z, xhat, a, o, cols, mean, invStd, gamma, beta, slopes);
                case LINEAR -> linear(z, xhat, a, o, cols, mean, invStd, gamma, beta);
            };
            ScalarActivationRows.normalizeActivation(f, z, xhat, a, o, j, cols, mean, invStd, gamma, beta, below,
                    alpha, slopes);
        }
    }

    // Each over the row at offset o, up to the vector loop's bound, which it returns (where the column tail starts).

    private static int sigmoid(double[] z, double[] xhat, double[] a, int o, int cols, double[] mean,
            double[] invStd, double[] gamma, double[] beta) {
        int j = 0;
        for (int bound = S.loopBound(cols); j < bound; j += L) {
            VectorTranscendentals.sigmoid(y(z, xhat, o, j, mean, invStd, gamma, beta)).intoArray(a, o + j);
        }
        return j;
    }

    private static int tanh(double[] z, double[] xhat, double[] a, int o, int cols, double[] mean, double[] invStd,
            double[] gamma, double[] beta) {
        int j = 0;
        for (int bound = S.loopBound(cols); j < bound; j += L) {
            VectorTranscendentals.tanh(y(z, xhat, o, j, mean, invStd, gamma, beta)).intoArray(a, o + j);
        }
        return j;
    }

    private static int elu(double[] z, double[] xhat, double[] a, int o, int cols, double[] mean, double[] invStd,
            double[] gamma, double[] beta, double alpha) {
        int j = 0;
        for (int bound = S.loopBound(cols); j < bound; j += L) {
            VectorTranscendentals.elu(y(z, xhat, o, j, mean, invStd, gamma, beta), alpha).intoArray(a, o + j);
        }
        return j;
    }

    private static int relu(double[] z, double[] xhat, double[] a, int o, int cols, double[] mean, double[] invStd,
            double[] gamma, double[] beta) {
        int j = 0;
        for (int bound = S.loopBound(cols); j < bound; j += L) {
            y(z, xhat, o, j, mean, invStd, gamma, beta).max(0.0).intoArray(a, o + j);
        }
        return j;
    }

    private static int kink(double[] z, double[] xhat, double[] a, int o, int cols, double[] mean, double[] invStd,
            double[] gamma, double[] beta, double below) {
        DoubleVector one = DoubleVector.broadcast(S, 1.0);
        DoubleVector slope = DoubleVector.broadcast(S, below);
        int j = 0;
        for (int bound = S.loopBound(cols); j < bound; j += L) {
            DoubleVector y = y(z, xhat, o, j, mean, invStd, gamma, beta);
            y.mul(slope.blend(one, y.compare(VectorOperators.GT, 0.0))).intoArray(a, o + j);
        }
        return j;
    }

    private static int prelu(double[] z, double[] xhat, double[] a, int o, int cols, double[] mean, double[] invStd,
            double[] gamma, double[] beta, double[] slopes) {
        DoubleVector one = DoubleVector.broadcast(S, 1.0);
        DoubleVector zero = DoubleVector.zero(S);
        int j = 0;
        for (int bound = S.loopBound(cols); j < bound; j += L) {
            DoubleVector y = y(z, xhat, o, j, mean, invStd, gamma, beta);
            DoubleVector s = DoubleVector.fromArray(S, slopes, j);
            DoubleVector p = zero.blend(one, y.compare(VectorOperators.GT, 0.0));
            y.mul(s.add(one.sub(s).mul(p))).intoArray(a, o + j);
        }
        return j;
    }

    private static int linear(double[] z, double[] xhat, double[] a, int o, int cols, double[] mean,
            double[] invStd, double[] gamma, double[] beta) {
        int j = 0;
        for (int bound = S.loopBound(cols); j < bound; j += L) {
            y(z, xhat, o, j, mean, invStd, gamma, beta).intoArray(a, o + j);
        }
        return j;
    }

    /** xhat = (z - mean) * invStd and y = gamma * xhat + beta at (o, j), both stored (y into z); returns y. */
    private static DoubleVector y(double[] z, double[] xhat, int o, int j, double[] mean, double[] invStd,
            double[] gamma, double[] beta) {
        DoubleVector h = DoubleVector.fromArray(S, z, o + j).sub(DoubleVector.fromArray(S, mean, j))
                .mul(DoubleVector.fromArray(S, invStd, j));
        h.intoArray(xhat, o + j);
        DoubleVector y = DoubleVector.fromArray(S, gamma, j).mul(h).add(DoubleVector.fromArray(S, beta, j));
        y.intoArray(z, o + j);
        return y;
    }
}
