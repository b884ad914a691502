package dev.hypersearch.nn;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;

/**
 * The float32 GEMM of mixed-precision training (as PyTorch's float32 matmul and AMP): the operands are rounded to
 * float32 and every product and sum is a float32 FMA; the caller's matrices, and so the weights, gradients
 * and element-wise work, stay float64. Twice the lanes per vector of {@link Gemm}'s float64 paths.
 *
 * <p>The same driver as {@link VectorGemm}, on float micro-kernels ({@link Float32GemmKernels}) of the same register
 * {@link GemmBlocking} (chosen from the hardware, {@link VectorGemm#chosenBlocking()}: 4 rows x 3 vectors of 8
 * floats on AVX2's 16 registers). The left operand is converted to float once per call in its own layout (a vector
 * cast over its elements, whether it is {@code a} or {@code a^T}) and read in place through two strides. The right
 * operand is packed one panel of the blocking's vectors of columns by at most {@value #KC} inner steps at a time
 * (for {@link #multTransB} the copy is the transpose), converted and zero-padded to whole vectors. Each panel's sums
 * build up in a float tile across inner blocks and are written to {@code c} at the end, widened by vector casts.
 * Column-tail panels of fewer vectors run taller kernels, row tails kernels of 4, 2 and 1 rows.
 *
 * <p>Thread-safe (scratch is per thread) and allocation-free in a steady state; deterministic (every element is one
 * float FMA chain over each block of the inner dimension in order, blocks added in order: the same bits under every
 * blocking). Results are within float32 rounding of EJML's: about {@code k * 2^-24} relative to the sum of the
 * products' magnitudes.
 *
 * <p>Only {@link Gemms} may name this class, and only reflectively: a JVM started without
 * {@code --add-modules jdk.incubator.vector} must never link it.
 */
public final class Float32VectorGemm implements Gemm {

    /** Floats per vector. */
    private static final int V = Float32GemmKernels.V;
    /** Inner steps per packed panel of the right operand (at most KC x 4 vectors: 32 KiB at 256 bits). */
    static final int KC = 256;
    /** Row counts of the kernels that take a panel's row tail, largest first. */
    private static final int[] TAIL_ROWS = {4, 2, 1};
    /** Widest panel of any blocking, for the per-thread scratch. */
    private static final int MAX_W =
            GemmBlocking.ALL.stream().mapToInt(GemmBlocking::vectors).max().orElseThrow() * V;

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private final GemmBlocking blocking;
    private final int nv;
    /** Rows per kernel call for a panel of [nvec] vectors: the blocking's rows for a full panel, taller for tails. */
    private final int[] panelRows;

    /** Per-thread buffers, grown to the largest shapes seen on the thread and reused. */
    private static final class Scratch {
        /** The left operand as floats, in its own layout. */
        float[] a = new float[64 * 128];
        final float[] b = new float[KC * MAX_W];
        /** One panel's sums (m x pw). */
        float[] tile = new float[64 * MAX_W];

        static float[] grow(float[] x, int size) {
            return x.length >= size ? x : new float[Math.max(size, x.length * 2)];
        }
    }

    /** The blocking chosen for this machine (that of the float64 path, {@link VectorGemm#chosenBlocking()}). */
    public Float32VectorGemm() {
        this(VectorGemm.chosenBlocking());
    }

    /** A forced blocking (benchmarks and tests of blockings this machine would not choose). */
    public Float32VectorGemm(GemmBlocking blocking) {
        this.panelRows = blocking.panelRows(Float32GemmKernels::exists);
        this.blocking = blocking;
        this.nv = blocking.vectors();
    }

    /** The register blocking this instance runs. */
    public GemmBlocking blocking() {
        return blocking;
    }

    @Override
    public KernelLayout kernelLayout() {
        return new KernelLayout(blocking, VectorHardware.floatLanes());
    }

    @Override
    public void mult(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        GemmShapes.check(a.numRows, a.numCols, b.numRows, b.numCols, a, b, c);
        gemm(a.data, a.numCols, 1, a.numRows, a.numCols, b.data, false, b.numCols, c.data);
    }

    /** a^T read through a copy whose rows are a conflict-free stride apart ({@link CacheStrides}). */
    @Override
    public void multTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        GemmShapes.check(a.numCols, a.numRows, b.numRows, b.numCols, a, b, c);
        gemm(a.data, 1, CacheStrides.conflictFree(a.numCols, Float.BYTES), a.numCols, a.numRows,
                b.data, false, b.numCols, c.data);
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
        return "vector-f32 " + blocking + " (" + Float32GemmKernels.S.vectorBitSize() + "-bit vectors, " + V
                + " floats)";
    }

    /** As the float64 vector path: SVML's lanewise functions on x86-64 (element-wise work stays float64). */
    @Override
    public Transcendentals transcendentals() {
        return VectorTranscendentals.forThisMachine();
    }

    /**
     * c (m x n, row-major) = A * B, where A(i,p) = a[i*rsA + p*csA] and B is {@code b} read as row-major
     * {@code k x n}, or, when {@code transB}, as the transpose of row-major {@code n x k}. For a^T (rsA = 1) csA may
     * exceed m (rsA is then 1): the float copy of a's k rows of m then puts them csA apart.
     */
    private void gemm(double[] a, int rsA, int csA, int m, int k,
                      double[] b, boolean transB, int n, double[] c) {
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0) {
            Arrays.fill(c, 0, m * n, 0.0);
            return;
        }
        Scratch s = SCRATCH.get();
        float[] bp = s.b;
        float[] af = s.a = Scratch.grow(s.a, Math.max(m, csA) * k);
        Float32Panels.narrowLeft(a, m, k, csA, af);
        int panelWidth = nv * V;
        for (int j0 = 0; j0 < n; j0 += panelWidth) {
            int w = Math.min(panelWidth, n - j0);
            int nvec = (w + V - 1) / V;
            int pw = nvec * V;
            float[] tile = s.tile = Scratch.grow(s.tile, m * pw);
            int mr = panelRows[nvec];
            for (int p0 = 0; p0 < k; p0 += KC) {
                int kc = Math.min(KC, k - p0);
                if (transB) {
                    Float32Panels.packTransposed(b, k, p0, kc, j0, w, pw, bp);
                } else {
                    Float32Panels.packRows(b, n, p0, kc, j0, w, pw, bp);
                }
                rows(mr, nvec, af, p0 * csA, rsA, csA, m, kc, bp, tile, pw, p0 > 0);
            }
            Float32Panels.unpack(tile, pw, m, w, c, n, j0);
        }
    }

    /** All m rows of one packed panel: blocks of mr rows, then the row tail with 4-, 2- and 1-row kernels. */
    private static void rows(int mr, int nvec, float[] a, int aoff, int rsA, int csA, int m, int kc,
                             float[] bp, float[] tile, int ldt, boolean acc) {
        int i = 0;
        for (; i + mr <= m; i += mr) {
            kernel(mr, nvec, a, aoff + i * rsA, rsA, csA, kc, bp, tile, i * ldt, ldt, acc);
        }
        for (int r : TAIL_ROWS) {
            for (; r < mr && i + r <= m; i += r) {
                kernel(r, nvec, a, aoff + i * rsA, rsA, csA, kc, bp, tile, i * ldt, ldt, acc);
            }
        }
    }

    private static void kernel(int rows, int nvec, float[] a, int aoff, int rsA, int csA, int k,
                               float[] bp, float[] tile, int toff, int ldt, boolean acc) {
        if (!Float32GemmKernels.run(rows, nvec, a, aoff, rsA, csA, k, bp, tile, toff, ldt, acc)) {
            throw new IllegalStateException("no " + rows + "x" + nvec + " kernel");
        }
    }
}
