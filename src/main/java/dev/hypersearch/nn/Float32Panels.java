package dev.hypersearch.nn;

import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Float32VectorGemm}'s copies between the caller's double matrices and its float scratch: the left operand
 * converted in its own layout, the right one into zero-padded panels, and the result tile back, widened. Loaded only through {@code Float32VectorGemm} (so only on a JVM with the vector module).
 */
final class Float32Panels {

    /** Conversions: the preferred doubles, and floats of as many lanes (half the bits), so a cast is one instruction. */
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Float> DF =
            VectorSpecies.of(float.class, VectorShape.forBitSize(D.vectorBitSize() / 2));
    private static final int DL = D.length();

    private Float32Panels() {
    }

    /**
     * The left operand {@code a} (m * k elements) rounded to float: in its own layout, or, when {@code ld > m} (a^T,
     * a being k rows of m), with its rows ld apart ({@link CacheStrides}).
     */
    static void narrowLeft(double[] a, int m, int k, int ld, float[] dst) {
        if (ld > m) {
            for (int p = 0; p < k; p++) {
                narrow(a, p * m, m, dst, p * ld);
            }
        } else {
            narrow(a, 0, m * k, dst, 0);
        }
    }

    /** dst[to..to+len) = src[from..from+len) rounded to float, by vector casts. */
    static void narrow(double[] src, int from, int len, float[] dst, int to) {
        int i = 0;
        for (int bound = D.loopBound(len); i < bound; i += DL) {
            DoubleVector.fromArray(D, src, from + i).convertShape(VectorOperators.D2F, DF, 0)
                    .reinterpretAsFloats().intoArray(dst, to + i);
        }
        for (; i < len; i++) {
            dst[to + i] = (float) src[from + i];
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
            int p = 0;
            // Blocks of 4 x 4 as in Float64Panels' transposed copy (four runs read, four runs written).
            for (int d = jj; p + 4 <= kc; p += 4, d += 4 * pw) {
                float a0 = (float) b[s0 + p], a1 = (float) b[s0 + p + 1];
                float a2 = (float) b[s0 + p + 2], a3 = (float) b[s0 + p + 3];
                float b0 = (float) b[s1 + p], b1 = (float) b[s1 + p + 1];
                float b2 = (float) b[s1 + p + 2], b3 = (float) b[s1 + p + 3];
                float c0 = (float) b[s2 + p], c1 = (float) b[s2 + p + 1];
                float c2 = (float) b[s2 + p + 2], c3 = (float) b[s2 + p + 3];
                float e0 = (float) b[s3 + p], e1 = (float) b[s3 + p + 1];
                float e2 = (float) b[s3 + p + 2], e3 = (float) b[s3 + p + 3];
                bp[d] = a0;
                bp[d + 1] = b0;
                bp[d + 2] = c0;
                bp[d + 3] = e0;
                bp[d + pw] = a1;
                bp[d + pw + 1] = b1;
                bp[d + pw + 2] = c1;
                bp[d + pw + 3] = e1;
                bp[d + 2 * pw] = a2;
                bp[d + 2 * pw + 1] = b2;
                bp[d + 2 * pw + 2] = c2;
                bp[d + 2 * pw + 3] = e2;
                bp[d + 3 * pw] = a3;
                bp[d + 3 * pw + 1] = b3;
                bp[d + 3 * pw + 2] = c3;
                bp[d + 3 * pw + 3] = e3;
            }
            for (int d = p * pw + jj; p < kc; p++, d += pw) {
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
