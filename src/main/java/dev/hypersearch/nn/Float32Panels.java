package dev.hypersearch.nn;

import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Float32VectorGemm}'s copies between the caller's double matrices and its float scratch: the left operand
 * into micro-panels of {@link Float32VectorGemm#MR} rows, the right one into zero-padded panels, and the result tile
 * back, widened. Loaded only through {@code Float32VectorGemm} (so only on a JVM with the vector module).
 */
final class Float32Panels {

    private static final int MR = Float32VectorGemm.MR;
    /** Conversions: the preferred doubles, and floats of as many lanes (half the bits), so a cast is one instruction. */
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Float> DF =
            VectorSpecies.of(float.class, VectorShape.forBitSize(D.vectorBitSize() / 2));
    private static final int DL = D.length();

    private Float32Panels() {
    }

    /** A's rows in micro-panels of MR: row block i0 starts at {@code i0 * k}; step p's MR values at {@code + p*MR}. */
    static void packLeft(double[] a, int rsA, int csA, int m, int k, int mp, float[] ap) {
        for (int i0 = 0; i0 < mp; i0 += MR) {
            int base = i0 * k;
            int rows = Math.min(MR, m - i0);
            if (csA == 1) {
                for (int r = 0; r < rows; r++) {
                    for (int p = 0, src = (i0 + r) * rsA, d = base + r; p < k; p++, d += MR) {
                        ap[d] = (float) a[src + p];
                    }
                }
            } else {
                for (int p = 0, d = base; p < k; p++, d += MR) {
                    int src = p * csA + i0 * rsA;
                    for (int r = 0; r < rows; r++) {
                        ap[d + r] = (float) a[src + r * rsA];
                    }
                }
            }
            for (int r = rows; r < MR; r++) {
                for (int p = 0, d = base + r; p < k; p++, d += MR) {
                    ap[d] = 0f;
                }
            }
        }
    }

    /** Rows p0..p0+kc, columns j0..j0+w of row-major {@code k x n} b as a {@code kc x pw} float panel, zero-padded. */
    static void packRows(double[] b, int n, int p0, int kc, int j0, int w, int pw, float[] bp) {
        for (int p = 0; p < kc; p++) {
            int src = (p0 + p) * n + j0;
            int dst = p * pw;
            int jj = 0;
            for (; jj + DL <= w; jj += DL) {
                DoubleVector.fromArray(D, b, src + jj).convertShape(VectorOperators.D2F, DF, 0)
                        .reinterpretAsFloats().intoArray(bp, dst + jj);
            }
            for (; jj < w; jj++) {
                bp[dst + jj] = (float) b[src + jj];
            }
            for (; jj < pw; jj++) {
                bp[dst + jj] = 0f;
            }
        }
    }

    /** Columns p0..p0+kc of rows j0..j0+w of row-major {@code n x k} b, transposed, as a {@code kc x pw} panel. */
    static void packTransposed(double[] b, int k, int p0, int kc, int j0, int w, int pw, float[] bp) {
        int jj = 0;
        for (; jj + 4 <= w; jj += 4) {
            int s0 = (j0 + jj) * k + p0;
            int s1 = s0 + k;
            int s2 = s1 + k;
            int s3 = s2 + k;
            for (int p = 0, d = jj; p < kc; p++, d += pw) {
                bp[d] = (float) b[s0 + p];
                bp[d + 1] = (float) b[s1 + p];
                bp[d + 2] = (float) b[s2 + p];
                bp[d + 3] = (float) b[s3 + p];
            }
        }
        for (; jj < w; jj++) {
            int src = (j0 + jj) * k + p0;
            for (int p = 0, d = jj; p < kc; p++, d += pw) {
                bp[d] = (float) b[src + p];
            }
        }
        for (int p = 0; p < kc && w < pw; p++) {
            Arrays.fill(bp, p * pw + w, p * pw + pw, 0f);
        }
    }

    /** c[0..m, j0..j0+w] = the tile's first w columns, widened to double. */
    static void unpack(float[] tile, int pw, int m, int w, double[] c, int n, int j0) {
        for (int i = 0; i < m; i++) {
            int src = i * pw;
            int dst = i * n + j0;
            int jj = 0;
            for (; jj + DL <= w; jj += DL) {
                FloatVector.fromArray(DF, tile, src + jj).convertShape(VectorOperators.F2D, D, 0)
                        .reinterpretAsDoubles().intoArray(c, dst + jj);
            }
            for (; jj < w; jj++) {
                c[dst + jj] = tile[src + jj];
            }
        }
    }
}
