package dev.hypersearch.nn;

import org.ejml.data.DMatrixRMaj;

/**
 * GEMM on the JDK's incubating Vector API ({@code jdk.incubator.vector}): register-blocked FMA micro-kernels
 * ({@link VectorGemmKernels}) of {@code rows x vectors} of columns, the {@link GemmBlocking} chosen once per process
 * from the hardware ({@link VectorHardware}: the preferred vector width and the inferred register count), or forced
 * with the system property {@value #BLOCKING_PROPERTY} (e.g. {@code 6x2}).
 *
 * <p>All three ops run one driver. The left operand is read in place through two strides, so {@code a}
 * and {@code a^T} cost the same (for {@code a^T * b} the scalars broadcast in a step are adjacent in one row
 * of {@code a}). The right operand is copied, one panel of {@code vectors} vectors of columns by at most
 * {@value #KC} steps of the inner dimension at a time, into a contiguous zero-padded scratch panel (for
 * {@link #multTransB} the copy is the transpose); the kernels then stream that panel (reading {@code b} in place
 * instead, at its power-of-two row strides, was measured 25% slower, likely from L1 set conflicts). Inner
 * dimensions longer than {@value #KC} are split into blocks whose partial sums go to a scratch tile and are added
 * into {@code c}. A column tail is padded to whole vectors and computed first, straight into {@code c}: its full
 * vector stores run into the next row's first columns, which are written again later (only its last rows, which
 * would run past the end of {@code c}, go through a tile); its panel of fewer vectors runs taller kernels (up to 8
 * rows) within the blocking's register budget. Row tails use kernels of 4, 2 and 1 rows.
 *
 * <p>Thread-safe: the scratch buffers are per thread (a {@link ThreadLocal}) and reused, so a steady
 * state allocates nothing. Deterministic: every output element is one FMA chain over the inner dimension in
 * order, blocks of {@value #KC} added in order, so the same inputs give bit-identical outputs on every call and
 * under every blocking. Results differ from EJML's in the last bits only.
 *
 * <p>Only {@link Gemms} may name this class, and only reflectively: a JVM started without
 * {@code --add-modules jdk.incubator.vector} must never link it.
 */
public final class VectorGemm implements Gemm {

    /** System property forcing a blocking ({@code rows x vectors}, one of {@link GemmBlocking#ALL}). */
    public static final String BLOCKING_PROPERTY = "hypersearch.gemm.blocking";

    private static final int V = VectorGemmKernels.V;
    /** Steps of the inner dimension per packed panel (at most KC x 4 vectors: 64 KiB at 512 bits). */
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

    /** The blocking chosen for this machine (see {@link #chosenBlocking()}). */
    public VectorGemm() {
        this(chosenBlocking());
    }

    /** A forced blocking (benchmarks and tests of blockings this machine would not choose). */
    public VectorGemm(GemmBlocking blocking) {
        this.panelRows = blocking.panelRows(VectorGemmKernels::exists);
        this.blocking = blocking;
        this.nv = blocking.vectors();
    }

    /**
     * The blocking of {@link #BLOCKING_PROPERTY} if set and valid, else the first of {@link GemmBlocking#ALL}
     * that fits the inferred register file; the same for every call in a process.
     */
    public static GemmBlocking chosenBlocking() {
        return Chosen.BLOCKING;
    }

    private static final class Chosen {
        static final GemmBlocking BLOCKING = choose();

        private static GemmBlocking choose() {
            GemmBlocking byHardware = GemmBlocking.forRegisters(VectorHardware.registers());
            String forced = System.getProperty(BLOCKING_PROPERTY, "").trim();
            if (forced.isEmpty()) {
                return byHardware;
            }
            try {
                return GemmBlocking.parse(forced);
            } catch (IllegalArgumentException e) {
                System.getLogger(VectorGemm.class.getName()).log(System.Logger.Level.WARNING,
                        "Ignoring -D" + BLOCKING_PROPERTY + ": " + e.getMessage() + "; using " + byHardware);
                return byHardware;
            }
        }
    }

    /** Per-thread buffers: a packed panel of the right operand, and output tiles grown to the largest use seen. */
    private static final class Scratch {
        final double[] panel = new double[KC * MAX_W];
        /** The output of a column tail (m x pw). */
        double[] tile = new double[64 * MAX_W];
        /** One block's partial sums when the inner dimension exceeds KC (m x pw). */
        double[] partial = new double[0];
        /** The left operand of multTransA copied at a conflict-free row stride. */
        double[] left = new double[0];

        double[] left(int size) {
            if (left.length < size) {
                left = new double[Math.max(size, left.length * 2)];
            }
            return left;
        }

        double[] tile(int size) {
            if (tile.length < size) {
                tile = new double[Math.max(size, tile.length * 2)];
            }
            return tile;
        }

        double[] partial(int size) {
            if (partial.length < size) {
                partial = new double[Math.max(size, partial.length * 2)];
            }
            return partial;
        }
    }

    /** The register blocking this instance runs. */
    public GemmBlocking blocking() {
        return blocking;
    }

    @Override
    public KernelLayout kernelLayout() {
        return new KernelLayout(blocking, VectorHardware.doubleLanes());
    }

    @Override
    public void mult(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        GemmShapes.check(a.numRows, a.numCols, b.numRows, b.numCols, a, b, c);
        int m = a.numRows;
        int k = a.numCols;
        gemm(a.data, k, 1, m, k, b.data, false, b.numCols, c.data);
    }

    @Override
    public void multTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        GemmShapes.check(a.numCols, a.numRows, b.numRows, b.numCols, a, b, c);
        int m = a.numCols;
        int k = a.numRows;
        int n = b.numCols;
        // Rows of a an even number of cache lines apart: the kernel's steps would evict each other (CacheStrides).
        // The copy pays off once two panels of columns or more read it: with one (n = 10) it cost 63% -> 45%.
        int ld = n > nv * V ? CacheStrides.conflictFree(m, Double.BYTES) : m;
        double[] at = a.data;
        if (ld != m) {
            Scratch scratch = SCRATCH.get();
            at = scratch.left(k * ld);
            for (int p = 0; p < k; p++) {
                System.arraycopy(a.data, p * m, at, p * ld, m);
            }
        }
        gemm(at, 1, ld, m, k, b.data, false, n, c.data);
    }

    @Override
    public void multTransB(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        GemmShapes.check(a.numRows, a.numCols, b.numCols, b.numRows, a, b, c);
        int m = a.numRows;
        int k = a.numCols;
        gemm(a.data, k, 1, m, k, b.data, true, b.numRows, c.data);
    }

    @Override
    public String name() {
        return "vector";
    }

    /** For the one log line: {@code "vector 6x2 (256-bit vectors (4 doubles), 16 registers)"}. */
    @Override
    public String toString() {
        return "vector " + blocking + " (" + VectorHardware.describe() + ")";
    }

    /**
     * The lanewise functions on x86-64, where C2 calls Intel's SVML stubs; elsewhere JDK 17 runs them lane by
     * lane in Java, slower than {@code Math}.
     */
    @Override
    public Transcendentals transcendentals() {
        return VectorTranscendentals.forThisMachine();
    }

    /**
     * c (m x n, row-major) = A * B, where A(i,p) = a[i*rsA + p*csA] and B is {@code b} read as row-major
     * {@code k x n}, or, when {@code transB}, as the transpose of row-major {@code n x k}.
     */
    private void gemm(double[] a, int rsA, int csA, int m, int k,
                      double[] b, boolean transB, int n, double[] c) {
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0) {
            java.util.Arrays.fill(c, 0, m * n, 0.0);
            return;
        }
        Scratch scratch = SCRATCH.get();
        int panelWidth = nv * V;
        int full = n - n % panelWidth;
        // The column tail first: its stores may run into the first panel's columns of the next row (see panel).
        if (full < n) {
            panel(a, rsA, csA, m, k, b, transB, n, c, full, n - full, scratch);
        }
        for (int j0 = 0; j0 < full; j0 += panelWidth) {
            panel(a, rsA, csA, m, k, b, transB, n, c, j0, panelWidth, scratch);
        }
    }

    /**
     * Columns j0..j0+w of c. Rows are stored straight into c, whole vectors wide: a column tail of w < pw columns
     * (n = 10 outputs: 3 vectors of 4) writes pw - w elements past the end of its row, into the first columns of
     * the next row, which that row's own store (when the tail is the only panel) or the first full panel (computed
     * after the tail) overwrites. Only the last rows (a block of mr, and at least enough to hold the overrun),
     * whose stores would run past the end of c, go through a tile and are copied out: dropping the copy of every
     * row made the 64x64x10 product about 1.3x as fast (GemmBenchmark).
     */
    private void panel(double[] a, int rsA, int csA, int m, int k, double[] b, boolean transB, int n, double[] c,
                       int j0, int w, Scratch scratch) {
        int nvec = (w + V - 1) / V;
        int pw = nvec * V;
        int mr = panelRows[nvec];
        int direct = w == pw ? m : Math.max(0, m - Math.max(mr, (pw - w + n - 1) / n));
        double[] tile = direct < m ? scratch.tile((m - direct) * pw) : null;
        double[] bp = scratch.panel;
        for (int p0 = 0; p0 < k; p0 += KC) {
            int kc = Math.min(KC, k - p0);
            if (transB) {
                Float64Panels.packTransposed(b, k, p0, kc, j0, w, pw, bp);
            } else {
                Float64Panels.packRows(b, n, p0, kc, j0, w, pw, bp);
            }
            if (p0 == 0) {
                rows(mr, nvec, a, 0, rsA, csA, direct, kc, bp, c, j0, n);
                if (tile != null) {
                    rows(mr, nvec, a, direct * rsA, rsA, csA, m - direct, kc, bp, tile, 0, pw);
                }
            } else {
                double[] part = scratch.partial(m * pw);
                rows(mr, nvec, a, p0 * csA, rsA, csA, m, kc, bp, part, 0, pw);
                for (int i = 0; i < m; i++) {
                    double[] out = i < direct ? c : tile;
                    int o = i < direct ? i * n + j0 : (i - direct) * pw;
                    int src = i * pw;
                    for (int jj = 0; jj < w; jj++) {
                        out[o + jj] += part[src + jj];
                    }
                }
            }
        }
        for (int i = direct; i < m; i++) {
            System.arraycopy(tile, (i - direct) * pw, c, i * n + j0, w);
        }
    }

    /** All m rows of one packed panel: blocks of mr rows, then the row tail with 4-, 2- and 1-row kernels. */
    private static void rows(int mr, int nvec, double[] a, int aoff, int rsA, int csA, int m, int kc,
                             double[] bp, double[] out, int ooff, int ldo) {
        int i = 0;
        for (; i + mr <= m; i += mr) {
            kernel(mr, nvec, a, aoff + i * rsA, rsA, csA, kc, bp, out, ooff + i * ldo, ldo);
        }
        for (int r : TAIL_ROWS) {
            for (; r < mr && i + r <= m; i += r) {
                kernel(r, nvec, a, aoff + i * rsA, rsA, csA, kc, bp, out, ooff + i * ldo, ldo);
            }
        }
    }

    private static void kernel(int rows, int nvec, double[] a, int aoff, int rsA, int csA, int k,
                               double[] bp, double[] out, int ooff, int ldo) {
        if (!VectorGemmKernels.run(rows, nvec, a, aoff, rsA, csA, k, bp, out, ooff, ldo)) {
            throw new IllegalStateException("no " + rows + "x" + nvec + " kernel");
        }
    }
}
