package dev.hypersearch.nn;

import static dev.hypersearch.nn.GemmCases.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * VectorGemm against EJML on many shapes, under every register blocking it has (each forced, so the blockings this
 * machine would not choose are tested too); runs under the test JVM's {@code --add-modules jdk.incubator.vector}.
 */
class VectorGemmTest {

    private static final double TOL = 1e-12;
    private static final int[] SIZES = {1, 2, 3, 5, 8, 13, 31, 32, 33, 64, 97, 150};
    /** {m, k, n} of the reference net's products (64-128-64-10, batch 64) and a partial last batch. */
    private static final int[][] REFERENCE_SHAPES = {
            {64, 64, 128}, {64, 128, 64}, {64, 64, 10},
            {128, 64, 64}, {64, 64, 64}, {64, 10, 64}, {64, 64, 128},
            {29, 64, 128}, {29, 128, 64}, {29, 64, 10}, {128, 29, 64}, {29, 10, 64}, {1, 1, 1},
    };

    private static final Gemm REFERENCE = new EjmlGemm();

    static List<GemmBlocking> blockings() {
        return GemmBlocking.ALL;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("blockings")
    void matchesEjmlOnAGridOfShapes(GemmBlocking blocking) {
        Gemm vec = new VectorGemm(blocking);
        Random rnd = new Random(42);
        for (int m : SIZES) {
            for (int k : SIZES) {
                for (int n : SIZES) {
                    for (Op op : Op.values()) {
                        check(vec, op, m, k, n, rnd);
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("blockings")
    void matchesEjmlOnRandomAndReferenceShapes(GemmBlocking blocking) {
        Gemm vec = new VectorGemm(blocking);
        Random rnd = new Random(7);
        for (int[] s : REFERENCE_SHAPES) {
            for (Op op : Op.values()) {
                check(vec, op, s[0], s[1], s[2], rnd);
            }
        }
        for (int t = 0; t < 400; t++) {
            int m = 1 + rnd.nextInt(150);
            int k = 1 + rnd.nextInt(150);
            int n = 1 + rnd.nextInt(150);
            for (Op op : Op.values()) {
                check(vec, op, m, k, n, rnd);
            }
        }
        int[] primes = {1, 2, 3, 7, 11, 17, 19, 23, 41, 61, 67, 127, 131, 149};
        for (int t = 0; t < 200; t++) {
            int m = primes[rnd.nextInt(primes.length)];
            int k = primes[rnd.nextInt(primes.length)];
            int n = primes[rnd.nextInt(primes.length)];
            for (Op op : Op.values()) {
                check(vec, op, m, k, n, rnd);
            }
        }
    }

    /** Inner dimensions past one packed block (VectorGemm.KC) add block sums into c. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("blockings")
    void longInnerDimensions(GemmBlocking blocking) {
        Gemm vec = new VectorGemm(blocking);
        Random rnd = new Random(5);
        for (int k : new int[] {VectorGemm.KC - 1, VectorGemm.KC, VectorGemm.KC + 1, 2 * VectorGemm.KC + 77, 1437}) {
            for (Op op : Op.values()) {
                check(vec, op, 1 + rnd.nextInt(70), k, 1 + rnd.nextInt(70), rnd);
                check(vec, op, 64, k, 10, rnd);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("blockings")
    void innerDimensionZeroGivesZeros(GemmBlocking blocking) {
        Gemm vec = new VectorGemm(blocking);
        for (Op op : Op.values()) {
            DMatrixRMaj[] ab = operands(op, 5, 0, 9, new Random(1));
            DMatrixRMaj c = nanFilled(5, 9);
            run(vec, op, ab[0], ab[1], c);
            for (int i = 0; i < c.getNumElements(); i++) {
                assertEquals(0.0, c.data[i], op + " element " + i);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("blockings")
    void deterministicAcrossCallsAndScratchState(GemmBlocking blocking) {
        Gemm vec = new VectorGemm(blocking);
        Random rnd = new Random(3);
        for (Op op : Op.values()) {
            for (int[] s : new int[][] {{64, 64, 128}, {29, 10, 64}, {37, 53, 91}}) {
                DMatrixRMaj[] ab = operands(op, s[0], s[1], s[2], rnd);
                DMatrixRMaj first = nanFilled(s[0], s[2]);
                run(vec, op, ab[0], ab[1], first);
                // Grow and dirty the per-thread scratch with another shape, then repeat.
                DMatrixRMaj[] other = operands(op, 50, 149, 75, rnd);
                run(vec, op, other[0], other[1], new DMatrixRMaj(50, 75));
                DMatrixRMaj second = nanFilled(s[0], s[2]);
                run(new VectorGemm(blocking), op, ab[0], ab[1], second);
                assertArrayEquals(first.data, second.data, op + " " + Arrays.toString(s));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("blockings")
    void matricesWithOversizedDataArrays(GemmBlocking blocking) {
        Gemm vec = new VectorGemm(blocking);
        Random rnd = new Random(11);
        DMatrixRMaj a = random(40, 40, rnd);
        DMatrixRMaj b = random(40, 40, rnd);
        a.reshape(13, 21);
        b.reshape(21, 19);
        DMatrixRMaj c = new DMatrixRMaj(30, 30);
        c.reshape(13, 19);
        Arrays.fill(c.data, Double.NaN);
        vec.mult(a, b, c);
        DMatrixRMaj want = new DMatrixRMaj(13, 19);
        REFERENCE.mult(a, b, want);
        assertClose(want, c, a, b, "oversized");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("blockings")
    void rejectsWrongShapesAndAliasing(GemmBlocking blocking) {
        Gemm vec = new VectorGemm(blocking);
        DMatrixRMaj a = new DMatrixRMaj(3, 4);
        DMatrixRMaj b = new DMatrixRMaj(4, 5);
        assertThrows(IllegalArgumentException.class, () -> vec.mult(a, b, new DMatrixRMaj(3, 4)));
        assertThrows(IllegalArgumentException.class, () -> vec.mult(a, new DMatrixRMaj(5, 5), new DMatrixRMaj(3, 5)));
        assertThrows(IllegalArgumentException.class, () -> vec.multTransA(a, b, new DMatrixRMaj(3, 5)));
        assertThrows(IllegalArgumentException.class, () -> vec.multTransB(a, b, new DMatrixRMaj(3, 4)));
        DMatrixRMaj sq = new DMatrixRMaj(4, 4);
        assertThrows(IllegalArgumentException.class, () -> vec.mult(sq, sq, sq));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("blockings")
    void oneInstanceIsSafeAcrossThreads(GemmBlocking blocking) throws Exception {
        Gemm vec = new VectorGemm(blocking);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                int seed = t;
                futures.add(pool.submit(() -> {
                    Random rnd = new Random(100 + seed);
                    for (int i = 0; i < 60; i++) {
                        Op op = Op.values()[i % 3];
                        check(vec, op, 1 + rnd.nextInt(80), 1 + rnd.nextInt(80), 1 + rnd.nextInt(80), rnd);
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Every output element is one FMA chain in the same order whatever the blocking: outputs are bit-identical. */
    @Test
    void everyBlockingGivesTheSameBits() {
        Random rnd = new Random(13);
        for (Op op : Op.values()) {
            for (int[] s : new int[][] {{64, 64, 128}, {29, 10, 64}, {37, 300, 91}, {1, 7, 5}, {131, 61, 23}}) {
                DMatrixRMaj[] ab = operands(op, s[0], s[1], s[2], rnd);
                DMatrixRMaj first = nanFilled(s[0], s[2]);
                run(new VectorGemm(GemmBlocking.ALL.get(0)), op, ab[0], ab[1], first);
                for (GemmBlocking b : GemmBlocking.ALL) {
                    DMatrixRMaj got = nanFilled(s[0], s[2]);
                    run(new VectorGemm(b), op, ab[0], ab[1], got);
                    assertArrayEquals(first.data, got.data, op + " " + Arrays.toString(s) + " " + b);
                }
            }
        }
    }

    /**
     * multTransA reads a^T through a copy at a conflict-free stride ({@link CacheStrides}) when a's rows are an even
     * number of cache lines long: the same FMA chains as mult on the explicit transpose, so the same bits.
     */
    @Test
    void transposedLeftOperandsAtCacheAlignedStridesGiveTheBitsOfMult() {
        Random rnd = new Random(17);
        for (GemmBlocking b : GemmBlocking.ALL) {
            for (int[] s : new int[][] {{128, 64, 64}, {256, 64, 256}, {256, 64, 10}, {64, 64, 128}, {32, 29, 40},
                    {128, 2 * VectorGemm.KC + 5, 70}}) {
                assertTransAMatchesMult(new VectorGemm(b), s[0], s[1], s[2], rnd, b.toString());
            }
        }
    }

    static void assertTransAMatchesMult(Gemm g, int m, int k, int n, Random rnd, String what) {
        DMatrixRMaj at = random(k, m, rnd);
        DMatrixRMaj b = random(k, n, rnd);
        DMatrixRMaj a = new DMatrixRMaj(m, k);
        org.ejml.dense.row.CommonOps_DDRM.transpose(at, a);
        DMatrixRMaj viaMult = nanFilled(m, n);
        DMatrixRMaj viaTransA = nanFilled(m, n);
        g.mult(a, b, viaMult);
        g.multTransA(at, b, viaTransA);
        assertArrayEquals(viaMult.data, viaTransA.data, what + " " + m + "x" + k + "x" + n);
    }

    @Test
    void theDefaultBlockingIsOneWithKernels() {
        GemmBlocking chosen = new VectorGemm().blocking();
        assertTrue(GemmBlocking.ALL.contains(chosen), chosen.toString());
        assertEquals(chosen, VectorGemm.chosenBlocking());
    }

    @Test
    void rejectsABlockingWithoutKernels() {
        assertThrows(IllegalArgumentException.class, () -> new VectorGemm(new GemmBlocking(5, 5)));
    }

    private static void check(Gemm vec, Op op, int m, int k, int n, Random rnd) {
        DMatrixRMaj[] ab = operands(op, m, k, n, rnd);
        DMatrixRMaj want = nanFilled(m, n);
        DMatrixRMaj got = nanFilled(m, n);
        run(REFERENCE, op, ab[0], ab[1], want);
        run(vec, op, ab[0], ab[1], got);
        assertClose(want, got, ab[0], ab[1], op + " m=" + m + " k=" + k + " n=" + n);
    }

    private static void assertClose(DMatrixRMaj want, DMatrixRMaj got, DMatrixRMaj a, DMatrixRMaj b, String what) {
        double scale = Math.max(Double.MIN_NORMAL, frobenius(a) * frobenius(b));
        for (int i = 0; i < want.getNumElements(); i++) {
            double err = Math.abs(want.data[i] - got.data[i]);
            if (!(err <= TOL * scale)) {
                fail(what + ": element " + i + " want " + want.data[i] + " got " + got.data[i]
                        + " (relative error " + err / scale + ")");
            }
        }
        assertTrue(want.numRows == got.numRows && want.numCols == got.numCols, what);
    }

    private static double frobenius(DMatrixRMaj x) {
        double s = 0;
        for (int i = 0; i < x.getNumElements(); i++) {
            s += x.data[i] * x.data[i];
        }
        return Math.sqrt(s);
    }
}
