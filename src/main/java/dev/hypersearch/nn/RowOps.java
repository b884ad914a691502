package dev.hypersearch.nn;

/**
 * Row-major helpers for "one row per example" matrices: broadcast a row vector, sum columns.
 * Inner loops run along a row so they are contiguous and vectorizable.
 */
final class RowOps {

    private RowOps() {
    }

    /** m[r, j] += v[j] for every row. */
    static void addRow(double[] m, int rows, int cols, double[] v) {
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            for (int j = 0; j < cols; j++) {
                m[o + j] += v[j];
            }
        }
    }

    /** out[j] = sum over rows of m[r, j] (overwrites out). */
    static void columnSums(double[] m, int rows, int cols, double[] out) {
        java.util.Arrays.fill(out, 0, cols, 0.0);
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            for (int j = 0; j < cols; j++) {
                out[j] += m[o + j];
            }
        }
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
