package dev.hypersearch.nn;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.ejml.data.DMatrixRMaj;

/**
 * The float32 GEMM of mixed-precision training (as PyTorch's float32 matmul and AMP): the operands are rounded to
 * float32 and every product and sum is a float32 FMA; the caller's matrices, and so the weights, optimizer state
 * and element-wise work, stay float64. Twice the lanes per vector of {@link Gemm}'s float64 paths.
 *
 * <p>Both operands are packed per call into per-thread float scratch, converting as they are copied. The left
 * operand goes into micro-panels of {@value #MR} rows (for each step of the inner dimension, the {@value #MR}
 * values a step broadcasts are adjacent; rows past {@code m} are zeros, so there are no row-tail kernels), whatever
 * its layout ({@code a} or {@code a^T}). The right operand is packed one panel of {@value #NV} vectors of columns
 * by at most {@value #KC} inner steps at a time (for {@link #multTransB} the copy is the transpose), zero-padded to
 * whole vectors. Each panel's sums build up in a float tile across inner blocks and are written to {@code c} at the
 * end, converted to double by vector casts. Register budget of the {@value #MR} x {@value #NV} kernel: 12
 * accumulators, 2 vectors of the panel and 1 broadcast, within AVX2's 16 registers.
 *
 * <p>Thread-safe (scratch is per thread) and allocation-free in a steady state; deterministic (the summation order
 * depends only on the shapes). Results are within float32 rounding of EJML's: about {@code k * 2^-24} relative to
 * the sum of the products' magnitudes.
 *
 * <p>Only {@link Gemms} may name this class, and only reflectively: a JVM started without
 * {@code --add-modules jdk.incubator.vector} must never link it.
 */
public final class Float32VectorGemm implements Gemm {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    /** Floats per vector. */
    private static final int V = S.length();
    /** Rows per micro-kernel. */
    static final int MR = 6;
    /** Vectors of columns per panel. */
    static final int NV = 2;
    /** Columns per panel. */
    private static final int W = NV * V;
    /** Inner steps per packed panel of the right operand (at most KC x W floats: 16 KiB at 256 bits). */
    static final int KC = 256;

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /** Per-thread buffers, grown to the largest shapes seen on the thread and reused. */
    private static final class Scratch {
        float[] a = new float[64 * 64];
        final float[] b = new float[KC * W];
        float[] tile = new float[64 * W];

        static float[] grow(float[] x, int size) {
            return x.length >= size ? x : new float[Math.max(size, x.length * 2)];
        }
    }

    @Override
    public void mult(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        GemmShapes.check(a.numRows, a.numCols, b.numRows, b.numCols, a, b, c);
        gemm(a.data, a.numCols, 1, a.numRows, a.numCols, b.data, false, b.numCols, c.data);
    }

    @Override
    public void multTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        GemmShapes.check(a.numCols, a.numRows, b.numRows, b.numCols, a, b, c);
        gemm(a.data, 1, a.numCols, a.numCols, a.numRows, b.data, false, b.numCols, c.data);
    }

    @Override
    public void multTransB(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        GemmShapes.check(a.numRows, a.numCols, b.numCols, b.numRows, a, b, c);
        gemm(a.data, a.numCols, 1, a.numRows, a.numCols, b.data, true, b.numRows, c.data);
    }

    @Override
    public String name() {
        return "vector-f32";
    }

    @Override
    public String toString() {
        return "vector-f32 " + MR + "x" + NV + " (" + S.vectorBitSize() + "-bit vectors, " + V + " floats)";
    }

    /** As the float64 vector path: SVML's lanewise functions on x86-64 (element-wise work stays float64). */
    @Override
    public Transcendentals transcendentals() {
        return VectorTranscendentals.forThisMachine();
    }

    /**
     * c (m x n, row-major) = A * B, where A(i,p) = a[i*rsA + p*csA] and B is {@code b} read as row-major
     * {@code k x n}, or, when {@code transB}, as the transpose of row-major {@code n x k}.
     */
    private static void gemm(double[] a, int rsA, int csA, int m, int k,
                             double[] b, boolean transB, int n, double[] c) {
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0) {
            Arrays.fill(c, 0, m * n, 0.0);
            return;
        }
        Scratch s = SCRATCH.get();
        int mp = (m + MR - 1) / MR * MR;
        float[] ap = s.a = Scratch.grow(s.a, mp * k);
        float[] tile = s.tile = Scratch.grow(s.tile, mp * W);
        float[] bp = s.b;
        Float32Panels.packLeft(a, rsA, csA, m, k, mp, ap);
        for (int j0 = 0; j0 < n; j0 += W) {
            int w = Math.min(W, n - j0);
            int nvec = (w + V - 1) / V;
            int pw = nvec * V;
            for (int p0 = 0; p0 < k; p0 += KC) {
                int kc = Math.min(KC, k - p0);
                if (transB) {
                    Float32Panels.packTransposed(b, k, p0, kc, j0, w, pw, bp);
                } else {
                    Float32Panels.packRows(b, n, p0, kc, j0, w, pw, bp);
                }
                boolean acc = p0 > 0;
                for (int i = 0; i < mp; i += MR) {
                    int aoff = i * k + p0 * MR;
                    if (nvec == NV) {
                        k6x2(ap, aoff, kc, bp, tile, i * pw, pw, acc);
                    } else {
                        k6x1(ap, aoff, kc, bp, tile, i * pw, pw, acc);
                    }
                }
            }
            Float32Panels.unpack(tile, pw, m, w, c, n, j0);
        }
    }

    // Micro-kernels: tile[coff + r*ldc + v*V ..] (+)= sum over p < k of ap[aoff + p*MR + r] * bp[p*ldc + v*V ..].
    // The two store sequences are written out rather than factored into a helper or a conditional expression: on
    // JDK 17, C2 boxes (allocates) a vector passed to a call it does not inline or merged at a phi.

    /** 6 rows x 2 vectors: 12 accumulators. */
    private static void k6x2(float[] a, int aoff, int k, float[] b, float[] c, int coff, int ldc, boolean acc) {
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00;
        FloatVector c30 = c00, c31 = c00, c40 = c00, c41 = c00, c50 = c00, c51 = c00;
        for (int p = 0, ai = aoff, bi = 0; p < k; p++, ai += MR, bi += ldc) {
            FloatVector b0 = FloatVector.fromArray(S, b, bi);
            FloatVector b1 = FloatVector.fromArray(S, b, bi + V);
            FloatVector x = FloatVector.broadcast(S, a[ai]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(S, a[ai + 1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(S, a[ai + 2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(S, a[ai + 3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            x = FloatVector.broadcast(S, a[ai + 4]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            x = FloatVector.broadcast(S, a[ai + 5]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
        }
        if (acc) {
            c00.add(FloatVector.fromArray(S, c, coff)).intoArray(c, coff);
            c01.add(FloatVector.fromArray(S, c, coff + V)).intoArray(c, coff + V);
            c10.add(FloatVector.fromArray(S, c, coff + ldc)).intoArray(c, coff + ldc);
            c11.add(FloatVector.fromArray(S, c, coff + ldc + V)).intoArray(c, coff + ldc + V);
            c20.add(FloatVector.fromArray(S, c, coff + 2 * ldc)).intoArray(c, coff + 2 * ldc);
            c21.add(FloatVector.fromArray(S, c, coff + 2 * ldc + V)).intoArray(c, coff + 2 * ldc + V);
            c30.add(FloatVector.fromArray(S, c, coff + 3 * ldc)).intoArray(c, coff + 3 * ldc);
            c31.add(FloatVector.fromArray(S, c, coff + 3 * ldc + V)).intoArray(c, coff + 3 * ldc + V);
            c40.add(FloatVector.fromArray(S, c, coff + 4 * ldc)).intoArray(c, coff + 4 * ldc);
            c41.add(FloatVector.fromArray(S, c, coff + 4 * ldc + V)).intoArray(c, coff + 4 * ldc + V);
            c50.add(FloatVector.fromArray(S, c, coff + 5 * ldc)).intoArray(c, coff + 5 * ldc);
            c51.add(FloatVector.fromArray(S, c, coff + 5 * ldc + V)).intoArray(c, coff + 5 * ldc + V);
        } else {
            c00.intoArray(c, coff);
            c01.intoArray(c, coff + V);
            c10.intoArray(c, coff + ldc);
            c11.intoArray(c, coff + ldc + V);
            c20.intoArray(c, coff + 2 * ldc);
            c21.intoArray(c, coff + 2 * ldc + V);
            c30.intoArray(c, coff + 3 * ldc);
            c31.intoArray(c, coff + 3 * ldc + V);
            c40.intoArray(c, coff + 4 * ldc);
            c41.intoArray(c, coff + 4 * ldc + V);
            c50.intoArray(c, coff + 5 * ldc);
            c51.intoArray(c, coff + 5 * ldc + V);
        }
    }

    /** 6 rows x 1 vector: a panel of one vector of columns (a column tail). */
    private static void k6x1(float[] a, int aoff, int k, float[] b, float[] c, int coff, int ldc, boolean acc) {
        FloatVector c0 = FloatVector.zero(S), c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0;
        for (int p = 0, ai = aoff, bi = 0; p < k; p++, ai += MR, bi += ldc) {
            FloatVector b0 = FloatVector.fromArray(S, b, bi);
            c0 = FloatVector.broadcast(S, a[ai]).fma(b0, c0);
            c1 = FloatVector.broadcast(S, a[ai + 1]).fma(b0, c1);
            c2 = FloatVector.broadcast(S, a[ai + 2]).fma(b0, c2);
            c3 = FloatVector.broadcast(S, a[ai + 3]).fma(b0, c3);
            c4 = FloatVector.broadcast(S, a[ai + 4]).fma(b0, c4);
            c5 = FloatVector.broadcast(S, a[ai + 5]).fma(b0, c5);
        }
        if (acc) {
            c0.add(FloatVector.fromArray(S, c, coff)).intoArray(c, coff);
            c1.add(FloatVector.fromArray(S, c, coff + ldc)).intoArray(c, coff + ldc);
            c2.add(FloatVector.fromArray(S, c, coff + 2 * ldc)).intoArray(c, coff + 2 * ldc);
            c3.add(FloatVector.fromArray(S, c, coff + 3 * ldc)).intoArray(c, coff + 3 * ldc);
            c4.add(FloatVector.fromArray(S, c, coff + 4 * ldc)).intoArray(c, coff + 4 * ldc);
            c5.add(FloatVector.fromArray(S, c, coff + 5 * ldc)).intoArray(c, coff + 5 * ldc);
        } else {
            c0.intoArray(c, coff);
            c1.intoArray(c, coff + ldc);
            c2.intoArray(c, coff + 2 * ldc);
            c3.intoArray(c, coff + 3 * ldc);
            c4.intoArray(c, coff + 4 * ldc);
            c5.intoArray(c, coff + 5 * ldc);
        }
    }
}
