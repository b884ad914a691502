package dev.hypersearch.nn;

/**
 * Flat loops over whole arrays, which C2 vectorizes by itself (same index on every array); the loops over rows against
 * a column vector are {@link RowKernels}.
 */
final class RowOps {

    private RowOps() {
    }

    /** out[i] += s * v[i]: adds the L2 gradient l2*W to dW. */
    static void addScaled(double[] out, double s, double[] v, int n) {
        for (int i = 0; i < n; i++) {
            out[i] += s * v[i];
        }
    }

    static double sumSquares(double[] v, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += v[i] * v[i];
        }
        return s;
    }
}
