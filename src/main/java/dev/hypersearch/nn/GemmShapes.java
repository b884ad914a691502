package dev.hypersearch.nn;

import org.ejml.data.DMatrixRMaj;

/** The argument checks every {@link Gemm} implementation makes before it multiplies. */
final class GemmShapes {

    private GemmShapes() {
    }

    /** Checks op(a) is {@code m x k}, op(b) is {@code kb x n} with {@code kb == k}, c is {@code m x n}, no aliasing. */
    static void check(int m, int k, int kb, int n, DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        if (k != kb) {
            throw new IllegalArgumentException("inner dimensions differ: " + k + " vs " + kb);
        }
        if (c.numRows != m || c.numCols != n) {
            throw new IllegalArgumentException(
                    "c is " + c.numRows + "x" + c.numCols + ", expected " + m + "x" + n);
        }
        if (c == a || c == b || c.data == a.data || c.data == b.data) {
            throw new IllegalArgumentException("c must not alias an input");
        }
    }
}
