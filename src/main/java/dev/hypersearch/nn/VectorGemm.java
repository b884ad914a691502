package dev.hypersearch.nn;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;
import org.ejml.data.DMatrixRMaj;

/**
 * GEMM on the JDK's incubating Vector API ({@code jdk.incubator.vector}): register-blocked FMA
 * micro-kernels of {@value #MR} rows by up to {@value #NV} vectors of columns.
 *
 * <p>All three ops run one driver. The left operand is read in place through two strides, so {@code a}
 * and {@code a^T} cost the same (for {@code a^T * b} the {@value #MR} scalars broadcast in a step are
 * adjacent in one row of {@code a}). The right operand is copied, one panel of {@value #NV} vectors of
 * columns by at most {@value #KC} steps of the inner dimension at a time, into a contiguous zero-padded
 * scratch panel (for {@link #multTransB} the copy is the transpose); the kernels then stream that panel
 * (reading {@code b} in place instead, at its power-of-two row strides, was measured 25% slower, likely
 * from L1 set conflicts). Inner dimensions longer than {@value #KC} are split into blocks whose partial sums
 * are added into {@code c}. A column tail is computed into a scratch tile at the padded width and copied
 * out, so every vector load and store is a full one; row tails use one-row kernels.
 *
 * <p>Thread-safe: the scratch buffers are per thread (a {@link ThreadLocal}) and reused, so a steady
 * state allocates nothing. Deterministic: the summation order depends only on the shapes, so the same
 * inputs give bit-identical outputs on every call. Results differ from EJML's in the last bits only.
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
    /** Steps of the inner dimension per packed panel (at most KC x W doubles: 64 KiB at 512 bits). */
    static final int KC = 256;

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /**
     * Per-thread buffers: a packed panel of the right operand ({@code KC x W} doubles) and an output tile
     * for a column tail ({@code m x pw} doubles, grown to the largest {@code m} seen on the thread).
     */
    private static final class Scratch {
        final double[] panel = new double[KC * W];
        double[] tile = new double[64 * W];

        double[] tile(int size) {
            if (tile.length < size) {
                tile = new double[Math.max(size, tile.length * 2)];
            }
            return tile;
        }
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

    /**
     * The lanewise functions on x86-64, where C2 calls Intel's SVML stubs; elsewhere JDK 17 runs them lane by
     * lane in Java, slower than {@code Math}.
     */
    @Override
    public Transcendentals transcendentals() {
        String arch = System.getProperty("os.arch", "");
        return arch.equals("amd64") || arch.equals("x86_64")
                ? VectorTranscendentals.INSTANCE : ScalarTranscendentals.INSTANCE;
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
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0) {
            java.util.Arrays.fill(c, 0, m * n, 0.0);
            return;
        }
        Scratch scratch = SCRATCH.get();
        double[] bp = scratch.panel;
        for (int j0 = 0; j0 < n; j0 += W) {
            int w = Math.min(W, n - j0);
            int nvec = (w + V - 1) / V;
            int pw = nvec * V;
            // A full-width panel is written straight into c; a column tail goes through an m x pw tile.
            boolean direct = w == pw;
            double[] out = direct ? c : scratch.tile(m * pw);
            int ooff = direct ? j0 : 0;
            int ldo = direct ? n : pw;
            for (int p0 = 0; p0 < k; p0 += KC) {
                int kc = Math.min(KC, k - p0);
                if (transB) {
                    packTransposed(b, k, p0, kc, j0, w, pw, bp);
                } else {
                    packRows(b, n, p0, kc, j0, w, pw, bp);
                }
                boolean acc = p0 > 0;
                int i = 0;
                for (; i + MR <= m; i += MR) {
                    kernel4(nvec, a, i * rsA + p0 * csA, rsA, csA, kc, bp, pw, out, ooff + i * ldo, ldo, acc);
                }
                for (; i < m; i++) {
                    kernel1(nvec, a, i * rsA + p0 * csA, csA, kc, bp, pw, out, ooff + i * ldo, acc);
                }
            }
            if (!direct) {
                for (int i = 0; i < m; i++) {
                    System.arraycopy(out, i * pw, c, i * n + j0, w);
                }
            }
        }
    }

    /** Copies rows p0..p0+kc, columns j0..j0+w of row-major {@code k x n} b into a {@code kc x pw} panel, zero-padded. */
    private static void packRows(double[] b, int n, int p0, int kc, int j0, int w, int pw, double[] bp) {
        for (int p = 0; p < kc; p++) {
            int dst = p * pw;
            System.arraycopy(b, (p0 + p) * n + j0, bp, dst, w);
            for (int jj = w; jj < pw; jj++) {
                bp[dst + jj] = 0.0;
            }
        }
    }

    /** Writes columns p0..p0+kc of rows j0..j0+w of row-major {@code n x k} b, transposed, as a {@code kc x pw} panel, zero-padded. */
    private static void packTransposed(double[] b, int k, int p0, int kc, int j0, int w, int pw, double[] bp) {
        int jj = 0;
        for (; jj + 4 <= w; jj += 4) {
            int s0 = (j0 + jj) * k + p0;
            int s1 = s0 + k;
            int s2 = s1 + k;
            int s3 = s2 + k;
            for (int p = 0, d = jj; p < kc; p++, d += pw) {
                bp[d] = b[s0 + p];
                bp[d + 1] = b[s1 + p];
                bp[d + 2] = b[s2 + p];
                bp[d + 3] = b[s3 + p];
            }
        }
        for (; jj < w; jj++) {
            int src = (j0 + jj) * k + p0;
            for (int p = 0, d = jj; p < kc; p++, d += pw) {
                bp[d] = b[src + p];
            }
        }
        if (w < pw) {
            for (int p = 0; p < kc; p++) {
                int dst = p * pw;
                for (int pad = w; pad < pw; pad++) {
                    bp[dst + pad] = 0.0;
                }
            }
        }
    }

    /** Rows i..i+MR of the panel: c[coff..] (+)= A(rows, k steps) * panel, for nvec vectors of columns. */
    private static void kernel4(int nvec, double[] a, int aoff, int rsA, int csA, int k,
                                double[] bp, int pw, double[] c, int coff, int ldc, boolean acc) {
        switch (nvec) {
            case 4 -> k4x4(a, aoff, rsA, csA, k, bp, 0, pw, c, coff, ldc, acc);
            case 3 -> {
                k4x2(a, aoff, rsA, csA, k, bp, 0, pw, c, coff, ldc, acc);
                k4x1(a, aoff, rsA, csA, k, bp, 2 * V, pw, c, coff + 2 * V, ldc, acc);
            }
            case 2 -> k4x2(a, aoff, rsA, csA, k, bp, 0, pw, c, coff, ldc, acc);
            default -> k4x1(a, aoff, rsA, csA, k, bp, 0, pw, c, coff, ldc, acc);
        }
    }

    /** One row of the panel (row tails). */
    private static void kernel1(int nvec, double[] a, int aoff, int csA, int k,
                                double[] bp, int pw, double[] c, int coff, boolean acc) {
        switch (nvec) {
            case 4 -> k1x4(a, aoff, 0, csA, k, bp, 0, pw, c, coff, 0, acc);
            case 3 -> {
                k1x2(a, aoff, 0, csA, k, bp, 0, pw, c, coff, 0, acc);
                k1x1(a, aoff, 0, csA, k, bp, 2 * V, pw, c, coff + 2 * V, 0, acc);
            }
            case 2 -> k1x2(a, aoff, 0, csA, k, bp, 0, pw, c, coff, 0, acc);
            default -> k1x1(a, aoff, 0, csA, k, bp, 0, pw, c, coff, 0, acc);
        }
    }

    // Micro-kernels: c[coff + r*ldc + v*V ..] (+)= sum over p < k of A(r, p) * b[boff + p*ldb + v*V ..],
    // with A(r, p) = a[aoff + r*rsA + p*csA]. One FMA chain per output vector, in order of p. The two
    // store sequences are written out rather than factored into a helper or a conditional expression:
    // on JDK 17, C2 boxes (allocates) a vector passed to a call it does not inline or merged at a phi,
    // which was measured to halve throughput.

    /** 4 rows x 4 vectors: 16 accumulators. */
    private static void k4x4(double[] a, int aoff, int rsA, int csA, int k,
                             double[] b, int boff, int ldb, double[] c, int coff, int ldc, boolean acc) {
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
        if (acc) {
            c00.add(DoubleVector.fromArray(S, c, coff)).intoArray(c, coff);
            c01.add(DoubleVector.fromArray(S, c, coff + V)).intoArray(c, coff + V);
            c02.add(DoubleVector.fromArray(S, c, coff + 2 * V)).intoArray(c, coff + 2 * V);
            c03.add(DoubleVector.fromArray(S, c, coff + 3 * V)).intoArray(c, coff + 3 * V);
            coff += ldc;
            c10.add(DoubleVector.fromArray(S, c, coff)).intoArray(c, coff);
            c11.add(DoubleVector.fromArray(S, c, coff + V)).intoArray(c, coff + V);
            c12.add(DoubleVector.fromArray(S, c, coff + 2 * V)).intoArray(c, coff + 2 * V);
            c13.add(DoubleVector.fromArray(S, c, coff + 3 * V)).intoArray(c, coff + 3 * V);
            coff += ldc;
            c20.add(DoubleVector.fromArray(S, c, coff)).intoArray(c, coff);
            c21.add(DoubleVector.fromArray(S, c, coff + V)).intoArray(c, coff + V);
            c22.add(DoubleVector.fromArray(S, c, coff + 2 * V)).intoArray(c, coff + 2 * V);
            c23.add(DoubleVector.fromArray(S, c, coff + 3 * V)).intoArray(c, coff + 3 * V);
            coff += ldc;
            c30.add(DoubleVector.fromArray(S, c, coff)).intoArray(c, coff);
            c31.add(DoubleVector.fromArray(S, c, coff + V)).intoArray(c, coff + V);
            c32.add(DoubleVector.fromArray(S, c, coff + 2 * V)).intoArray(c, coff + 2 * V);
            c33.add(DoubleVector.fromArray(S, c, coff + 3 * V)).intoArray(c, coff + 3 * V);
        } else {
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
    }

    /** 4 rows x 2 vectors. */
    private static void k4x2(double[] a, int aoff, int rsA, int csA, int k,
                             double[] b, int boff, int ldb, double[] c, int coff, int ldc, boolean acc) {
        DoubleVector c00 = DoubleVector.zero(S), c01 = c00, c10 = c00, c11 = c00;
        DoubleVector c20 = c00, c21 = c00, c30 = c00, c31 = c00;
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
        if (acc) {
            c00.add(DoubleVector.fromArray(S, c, coff)).intoArray(c, coff);
            c01.add(DoubleVector.fromArray(S, c, coff + V)).intoArray(c, coff + V);
            coff += ldc;
            c10.add(DoubleVector.fromArray(S, c, coff)).intoArray(c, coff);
            c11.add(DoubleVector.fromArray(S, c, coff + V)).intoArray(c, coff + V);
            coff += ldc;
            c20.add(DoubleVector.fromArray(S, c, coff)).intoArray(c, coff);
            c21.add(DoubleVector.fromArray(S, c, coff + V)).intoArray(c, coff + V);
            coff += ldc;
            c30.add(DoubleVector.fromArray(S, c, coff)).intoArray(c, coff);
            c31.add(DoubleVector.fromArray(S, c, coff + V)).intoArray(c, coff + V);
        } else {
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
    }

    /** 4 rows x 1 vector. */
    private static void k4x1(double[] a, int aoff, int rsA, int csA, int k,
                             double[] b, int boff, int ldb, double[] c, int coff, int ldc, boolean acc) {
        DoubleVector c00 = DoubleVector.zero(S), c10 = c00, c20 = c00, c30 = c00;
        int ai = aoff;
        int bi = boff;
        for (int p = 0; p < k; p++, ai += csA, bi += ldb) {
            DoubleVector b0 = DoubleVector.fromArray(S, b, bi);
            DoubleVector x = DoubleVector.broadcast(S, a[ai]);
            c00 = x.fma(b0, c00);
            x = DoubleVector.broadcast(S, a[ai + rsA]);
            c10 = x.fma(b0, c10);
            x = DoubleVector.broadcast(S, a[ai + 2 * rsA]);
            c20 = x.fma(b0, c20);
            x = DoubleVector.broadcast(S, a[ai + 3 * rsA]);
            c30 = x.fma(b0, c30);
        }
        if (acc) {
            c00.add(DoubleVector.fromArray(S, c, coff)).intoArray(c, coff);
            coff += ldc;
            c10.add(DoubleVector.fromArray(S, c, coff)).intoArray(c, coff);
            coff += ldc;
            c20.add(DoubleVector.fromArray(S, c, coff)).intoArray(c, coff);
            coff += ldc;
            c30.add(DoubleVector.fromArray(S, c, coff)).intoArray(c, coff);
        } else {
            c00.intoArray(c, coff);
            coff += ldc;
            c10.intoArray(c, coff);
            coff += ldc;
            c20.intoArray(c, coff);
            coff += ldc;
            c30.intoArray(c, coff);
        }
    }

    /** 1 row x 4 vectors. */
    private static void k1x4(double[] a, int aoff, int rsA, int csA, int k,
                             double[] b, int boff, int ldb, double[] c, int coff, int ldc, boolean acc) {
        DoubleVector c00 = DoubleVector.zero(S), c01 = c00, c02 = c00, c03 = c00;
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
        }
        if (acc) {
            c00.add(DoubleVector.fromArray(S, c, coff)).intoArray(c, coff);
            c01.add(DoubleVector.fromArray(S, c, coff + V)).intoArray(c, coff + V);
            c02.add(DoubleVector.fromArray(S, c, coff + 2 * V)).intoArray(c, coff + 2 * V);
            c03.add(DoubleVector.fromArray(S, c, coff + 3 * V)).intoArray(c, coff + 3 * V);
        } else {
            c00.intoArray(c, coff);
            c01.intoArray(c, coff + V);
            c02.intoArray(c, coff + 2 * V);
            c03.intoArray(c, coff + 3 * V);
        }
    }

    /** 1 row x 2 vectors. */
    private static void k1x2(double[] a, int aoff, int rsA, int csA, int k,
                             double[] b, int boff, int ldb, double[] c, int coff, int ldc, boolean acc) {
        DoubleVector c00 = DoubleVector.zero(S), c01 = c00;
        int ai = aoff;
        int bi = boff;
        for (int p = 0; p < k; p++, ai += csA, bi += ldb) {
            DoubleVector b0 = DoubleVector.fromArray(S, b, bi);
            DoubleVector b1 = DoubleVector.fromArray(S, b, bi + V);
            DoubleVector x = DoubleVector.broadcast(S, a[ai]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
        }
        if (acc) {
            c00.add(DoubleVector.fromArray(S, c, coff)).intoArray(c, coff);
            c01.add(DoubleVector.fromArray(S, c, coff + V)).intoArray(c, coff + V);
        } else {
            c00.intoArray(c, coff);
            c01.intoArray(c, coff + V);
        }
    }

    /** 1 row x 1 vector. */
    private static void k1x1(double[] a, int aoff, int rsA, int csA, int k,
                             double[] b, int boff, int ldb, double[] c, int coff, int ldc, boolean acc) {
        DoubleVector c00 = DoubleVector.zero(S);
        int ai = aoff;
        int bi = boff;
        for (int p = 0; p < k; p++, ai += csA, bi += ldb) {
            DoubleVector b0 = DoubleVector.fromArray(S, b, bi);
            DoubleVector x = DoubleVector.broadcast(S, a[ai]);
            c00 = x.fma(b0, c00);
        }
        if (acc) {
            c00.add(DoubleVector.fromArray(S, c, coff)).intoArray(c, coff);
        } else {
            c00.intoArray(c, coff);
        }
    }
}
