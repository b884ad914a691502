package dev.hypersearch.nn;

import java.util.Arrays;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;

/** The three products a {@link Gemm} offers and the operands its tests feed them (float64 and float32 GEMMs alike). */
final class GemmCases {

    enum Op { MULT, TRANS_A, TRANS_B }

    private GemmCases() {
    }

    /** Operands such that op(a) is m x k and op(b) is k x n. */
    static DMatrixRMaj[] operands(Op op, int m, int k, int n, Random rnd) {
        return switch (op) {
            case MULT -> new DMatrixRMaj[] {random(m, k, rnd), random(k, n, rnd)};
            case TRANS_A -> new DMatrixRMaj[] {random(k, m, rnd), random(k, n, rnd)};
            case TRANS_B -> new DMatrixRMaj[] {random(m, k, rnd), random(n, k, rnd)};
        };
    }

    static void run(Gemm g, Op op, DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        switch (op) {
            case MULT -> g.mult(a, b, c);
            case TRANS_A -> g.multTransA(a, b, c);
            case TRANS_B -> g.multTransB(a, b, c);
        }
    }

    static DMatrixRMaj random(int rows, int cols, Random rnd) {
        DMatrixRMaj x = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < x.data.length; i++) {
            x.data[i] = rnd.nextGaussian();
        }
        return x;
    }

    static DMatrixRMaj nanFilled(int rows, int cols) {
        DMatrixRMaj x = new DMatrixRMaj(rows, cols);
        Arrays.fill(x.data, Double.NaN);
        return x;
    }
}
