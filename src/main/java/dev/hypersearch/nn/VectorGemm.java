package dev.hypersearch.nn;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;
import org.ejml.data.DMatrixRMaj;

/**
 * GEMM on the JDK's incubating Vector API ({@code jdk.incubator.vector}): register-blocked FMA
 * micro-kernels of {@value #MR} rows by up to {@value #NV} vectors of columns.
 *
 * <p>All three ops run one driver. The left operand is read through two strides, so {@code a} and
 * {@code a^T} cost the same (for {@code a^T * b} the {@value #MR} broadcast scalars of a step are
 * adjacent in one row of {@code a}). The right operand is streamed row by row, {@code NV} vectors at a
 * time: straight from {@code b} when it is row-major {@code k x n} ({@link #mult}, {@link #multTransA});
 * {@link #multTransB} first transposes {@code b} one column panel at a time into scratch. Column tails
 * are padded with zeros in scratch and their results written through a small scratch tile, so every
 * vector load and store in the kernels is a full one; row tails use one-row kernels.
 *
 * <p>Thread-safe: the scratch buffers are per thread (a {@link ThreadLocal}) and reused, so a steady
 * state allocates nothing. Deterministic: each output element is one FMA chain over {@code k} in a
 * fixed order, so the same inputs give bit-identical outputs on every call. Results differ from
 * EJML's in the last bits only.
 *
 * <p>Only {@link Gemms} may name this class, and only reflectively: a JVM started without
 * {@code --add-modules jdk.incubator.vector} must never link it.
 */
public final class VectorGemm implements Gemm {

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    /** Doubles per vector. */
    private static final int V = S.length();
    /** Rows per micro-kernel. */
    static final int MR = 4;
    /** Vectors of columns per panel. */
    static final int NV = 4;
    /** Columns per panel. */
    private static final int W = NV * V;

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /** Per-thread buffers: a packed panel of the right operand and an output tile for column tails. */
    private static final class Scratch {
        double[] panel = new double[64 * W];
        final double[] tile = new double[MR * W];

        double[] panel(int size) {
            if (panel.length < size) {
                panel = new double[Math.max(size, panel.length * 2)];
            }
            return panel;
        }
    }

    /** Doubles per vector of the species in use (for logs and benchmarks). */
    public static int vectorLength() {
        return V;
    }

    @Override
    public void mult(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        check(a.numRows, a.numCols, b.numRows, b.numCols, a, b, c);
        int m = a.numRows;
        int k = a.numCols;
        gemm(a.data, k, 1, m, k, b.data, false, b.numCols, c.data);
    }

    @Override
    public void multTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        check(a.numCols, a.numRows, b.numRows, b.numCols, a, b, c);
        int m = a.numCols;
        int k = a.numRows;
        gemm(a.data, 1, m, m, k, b.data, false, b.numCols, c.data);
    }

    @Override
    public void multTransB(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        check(a.numRows, a.numCols, b.numCols, b.numRows, a, b, c);
        int m = a.numRows;
        int k = a.numCols;
        gemm(a.data, k, 1, m, k, b.data, true, b.numRows, c.data);
    }

    @Override
    public String name() {
        return "vector";
    }

    /** Checks op(a) is {@code m x k}, op(b) is {@code kb x n} with {@code kb == k}, c is {@code m x n}, no aliasing. */
    private static void check(int m, int k, int kb, int n, DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
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

    /**
     * c (m x n, row-major) = A * B, where A(i,p) = a[i*rsA + p*csA] and B is {@code b} read as row-major
     * {@code k x n}, or, when {@code transB}, as the transpose of row-major {@code n x k}.
     */
    private static void gemm(double[] a, int rsA, int csA, int m, int k,
                             double[] b, boolean transB, int n, double[] c) {
        Scratch scratch = null;
        for (int j0 = 0; j0 < n; j0 += W) {
            int w = Math.min(W, n - j0);
            int nvec = (w + V - 1) / V;
            int pw = nvec * V;
            double[] bp;
            int boff;
            int ldb;
            if (!transB && w == pw) {
                bp = b;
                boff = j0;
                ldb = n;
            } else {
                if (scratch == null) {
                    scratch = SCRATCH.get();
                }
                bp = scratch.panel(k * pw);
                boff = 0;
                ldb = pw;
                if (transB) {
                    packTransposed(b, k, j0, w, pw, bp);
                } else {
                    packRows(b, n, k, j0, w, pw, bp);
                }
            }
            if (w == pw) {
                int i = 0;
                for (; i + MR <= m; i += MR) {
                    kernel4(nvec, a, i * rsA, rsA, csA, k, bp, boff, ldb, c, i * n + j0, n);
                }
                for (; i < m; i++) {
                    kernel1(nvec, a, i * rsA, csA, k, bp, boff, ldb, c, i * n + j0);
                }
            } else {
                double[] tile = scratch.tile;
                int i = 0;
                for (; i + MR <= m; i += MR) {
                    kernel4(nvec, a, i * rsA, rsA, csA, k, bp, boff, ldb, tile, 0, pw);
                    for (int r = 0; r < MR; r++) {
                        System.arraycopy(tile, r * pw, c, (i + r) * n + j0, w);
                    }
                }
                for (; i < m; i++) {
                    kernel1(nvec, a, i * rsA, csA, k, bp, boff, ldb, tile, 0);
                    System.arraycopy(tile, 0, c, i * n + j0, w);
                }
            }
        }
    }

    /** Copies columns j0..j0+w of row-major {@code k x n} b into a {@code k x pw} panel, zero-padded. */
    private static void packRows(double[] b, int n, int k, int j0, int w, int pw, double[] bp) {
        for (int p = 0; p < k; p++) {
            int dst = p * pw;
            System.arraycopy(b, p * n + j0, bp, dst, w);
            for (int jj = w; jj < pw; jj++) {
                bp[dst + jj] = 0.0;
            }
        }
    }

    /** Writes the transpose of rows j0..j0+w of row-major {@code n x k} b as a {@code k x pw} panel, zero-padded. */
    private static void packTransposed(double[] b, int k, int j0, int w, int pw, double[] bp) {
        for (int jj = 0; jj < w; jj++) {
            int src = (j0 + jj) * k;
            for (int p = 0; p < k; p++) {
                bp[p * pw + jj] = b[src + p];
            }
        }
        for (int p = 0; p < k; p++) {
            int dst = p * pw;
            for (int jj = w; jj < pw; jj++) {
                bp[dst + jj] = 0.0;
            }
        }
    }

    private static void kernel4(int nvec, double[] a, int aoff, int rsA, int csA, int k,
                                double[] b, int boff, int ldb, double[] c, int coff, int ldc) {
        switch (nvec) {
            case 4 -> k4x4(a, aoff, rsA, csA, k, b, boff, ldb, c, coff, ldc);
            case 3 -> {
                k4x2(a, aoff, rsA, csA, k, b, boff, ldb, c, coff, ldc);
                k4x1(a, aoff, rsA, csA, k, b, boff + 2 * V, ldb, c, coff + 2 * V, ldc);
            }
            case 2 -> k4x2(a, aoff, rsA, csA, k, b, boff, ldb, c, coff, ldc);
            default -> k4x1(a, aoff, rsA, csA, k, b, boff, ldb, c, coff, ldc);
        }
    }

    private static void kernel1(int nvec, double[] a, int aoff, int csA, int k,
                                double[] b, int boff, int ldb, double[] c, int coff) {
        switch (nvec) {
            case 4 -> k1x4(a, aoff, csA, k, b, boff, ldb, c, coff);
            case 3 -> {
                k1x2(a, aoff, csA, k, b, boff, ldb, c, coff);
                k1x1(a, aoff, csA, k, b, boff + 2 * V, ldb, c, coff + 2 * V);
            }
            case 2 -> k1x2(a, aoff, csA, k, b, boff, ldb, c, coff);
            default -> k1x1(a, aoff, csA, k, b, boff, ldb, c, coff);
        }
    }

    private static void k4x4(double[] a, int aoff, int rsA, int csA, int k,
                             double[] b, int boff, int ldb, double[] c, int coff, int ldc) {
        DoubleVector c00 = DoubleVector.zero(S), c01 = c00, c02 = c00, c03 = c00;
        DoubleVector c10 = c00, c11 = c00, c12 = c00, c13 = c00;
        DoubleVector c20 = c00, c21 = c00, c22 = c00, c23 = c00;
        DoubleVector c30 = c00, c31 = c00, c32 = c00, c33 = c00;
        int ai = aoff;
        int bi = boff;
        for (int p = 0; p < k; p++, ai += csA, bi += ldb) {
            DoubleVector b0 = DoubleVector.fromArray(S, b, bi);
            DoubleVector b1 = DoubleVector.fromArray(S, b, bi + V);
            DoubleVector b2 = DoubleVector.fromArray(S, b, bi + 2 * V);
            DoubleVector b3 = DoubleVector.fromArray(S, b, bi + 3 * V);
            DoubleVector x = DoubleVector.broadcast(S, a[ai]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            c02 = x.fma(b2, c02);
            c03 = x.fma(b3, c03);
            x = DoubleVector.broadcast(S, a[ai + rsA]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            c12 = x.fma(b2, c12);
            c13 = x.fma(b3, c13);
            x = DoubleVector.broadcast(S, a[ai + 2 * rsA]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            c22 = x.fma(b2, c22);
            c23 = x.fma(b3, c23);
            x = DoubleVector.broadcast(S, a[ai + 3 * rsA]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            c32 = x.fma(b2, c32);
            c33 = x.fma(b3, c33);
        }
        c00.intoArray(c, coff);
        c01.intoArray(c, coff + V);
        c02.intoArray(c, coff + 2 * V);
        c03.intoArray(c, coff + 3 * V);
        coff += ldc;
        c10.intoArray(c, coff);
        c11.intoArray(c, coff + V);
        c12.intoArray(c, coff + 2 * V);
        c13.intoArray(c, coff + 3 * V);
        coff += ldc;
        c20.intoArray(c, coff);
        c21.intoArray(c, coff + V);
        c22.intoArray(c, coff + 2 * V);
        c23.intoArray(c, coff + 3 * V);
        coff += ldc;
        c30.intoArray(c, coff);
        c31.intoArray(c, coff + V);
        c32.intoArray(c, coff + 2 * V);
        c33.intoArray(c, coff + 3 * V);
    }

    private static void k4x2(double[] a, int aoff, int rsA, int csA, int k,
                             double[] b, int boff, int ldb, double[] c, int coff, int ldc) {
        DoubleVector c00 = DoubleVector.zero(S), c01 = c00;
        DoubleVector c10 = c00, c11 = c00;
        DoubleVector c20 = c00, c21 = c00;
        DoubleVector c30 = c00, c31 = c00;
        int ai = aoff;
        int bi = boff;
        for (int p = 0; p < k; p++, ai += csA, bi += ldb) {
            DoubleVector b0 = DoubleVector.fromArray(S, b, bi);
            DoubleVector b1 = DoubleVector.fromArray(S, b, bi + V);
            DoubleVector x = DoubleVector.broadcast(S, a[ai]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = DoubleVector.broadcast(S, a[ai + rsA]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = DoubleVector.broadcast(S, a[ai + 2 * rsA]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = DoubleVector.broadcast(S, a[ai + 3 * rsA]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
        }
        c00.intoArray(c, coff);
        c01.intoArray(c, coff + V);
        coff += ldc;
        c10.intoArray(c, coff);
        c11.intoArray(c, coff + V);
        coff += ldc;
        c20.intoArray(c, coff);
        c21.intoArray(c, coff + V);
        coff += ldc;
        c30.intoArray(c, coff);
        c31.intoArray(c, coff + V);
    }

    private static void k4x1(double[] a, int aoff, int rsA, int csA, int k,
                             double[] b, int boff, int ldb, double[] c, int coff, int ldc) {
        DoubleVector c0 = DoubleVector.zero(S), c1 = c0, c2 = c0, c3 = c0;
        int ai = aoff;
        int bi = boff;
        for (int p = 0; p < k; p++, ai += csA, bi += ldb) {
            DoubleVector b0 = DoubleVector.fromArray(S, b, bi);
            c0 = DoubleVector.broadcast(S, a[ai]).fma(b0, c0);
            c1 = DoubleVector.broadcast(S, a[ai + rsA]).fma(b0, c1);
            c2 = DoubleVector.broadcast(S, a[ai + 2 * rsA]).fma(b0, c2);
            c3 = DoubleVector.broadcast(S, a[ai + 3 * rsA]).fma(b0, c3);
        }
        c0.intoArray(c, coff);
        c1.intoArray(c, coff + ldc);
        c2.intoArray(c, coff + 2 * ldc);
        c3.intoArray(c, coff + 3 * ldc);
    }

    private static void k1x4(double[] a, int aoff, int csA, int k,
                             double[] b, int boff, int ldb, double[] c, int coff) {
        DoubleVector c0 = DoubleVector.zero(S), c1 = c0, c2 = c0, c3 = c0;
        int ai = aoff;
        int bi = boff;
        for (int p = 0; p < k; p++, ai += csA, bi += ldb) {
            DoubleVector x = DoubleVector.broadcast(S, a[ai]);
            c0 = x.fma(DoubleVector.fromArray(S, b, bi), c0);
            c1 = x.fma(DoubleVector.fromArray(S, b, bi + V), c1);
            c2 = x.fma(DoubleVector.fromArray(S, b, bi + 2 * V), c2);
            c3 = x.fma(DoubleVector.fromArray(S, b, bi + 3 * V), c3);
        }
        c0.intoArray(c, coff);
        c1.intoArray(c, coff + V);
        c2.intoArray(c, coff + 2 * V);
        c3.intoArray(c, coff + 3 * V);
    }

    private static void k1x2(double[] a, int aoff, int csA, int k,
                             double[] b, int boff, int ldb, double[] c, int coff) {
        DoubleVector c0 = DoubleVector.zero(S), c1 = c0;
        int ai = aoff;
        int bi = boff;
        for (int p = 0; p < k; p++, ai += csA, bi += ldb) {
            DoubleVector x = DoubleVector.broadcast(S, a[ai]);
            c0 = x.fma(DoubleVector.fromArray(S, b, bi), c0);
            c1 = x.fma(DoubleVector.fromArray(S, b, bi + V), c1);
        }
        c0.intoArray(c, coff);
        c1.intoArray(c, coff + V);
    }

    private static void k1x1(double[] a, int aoff, int csA, int k,
                             double[] b, int boff, int ldb, double[] c, int coff) {
        DoubleVector c0 = DoubleVector.zero(S);
        int ai = aoff;
        int bi = boff;
        for (int p = 0; p < k; p++, ai += csA, bi += ldb) {
            c0 = DoubleVector.broadcast(S, a[ai]).fma(DoubleVector.fromArray(S, b, bi), c0);
        }
        c0.intoArray(c, coff);
    }
}
