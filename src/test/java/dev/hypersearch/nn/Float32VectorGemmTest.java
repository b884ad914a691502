package dev.hypersearch.nn;

import static dev.hypersearch.nn.GemmCases.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/**
 * The mixed-precision GEMM against EJML's float64 products: every element within float32 rounding, i.e.
 * {@code (k + 2) * 2^-24} times the sum of its products' magnitudes (inputs rounded once, k roundings of the sum).
 */
class Float32VectorGemmTest {

    private static final double U = Math.scalb(1.0, -24);
    private static final int[] SIZES = {1, 2, 3, 5, 6, 7, 8, 13, 16, 17, 31, 33, 64, 97};
    /** {m, k, n} of the reference net's products (64-128-64-10, batch 64) and a partial last batch. */
    private static final int[][] REFERENCE_SHAPES = {
            {64, 64, 128}, {64, 128, 64}, {64, 64, 10},
            {128, 64, 64}, {64, 64, 64}, {64, 10, 64},
            {29, 64, 128}, {29, 128, 64}, {29, 64, 10}, {128, 29, 64}, {29, 10, 64}, {1, 1, 1},
    };

    private final Gemm ref = new EjmlGemm();
    private final Gemm f32 = new Float32VectorGemm();

    @Test
    void matchesEjmlOnAGridOfShapesWithRowAndColumnTails() {
        Random rnd = new Random(42);
        for (int m : SIZES) {
            for (int k : SIZES) {
                for (int n : SIZES) {
                    for (Op op : Op.values()) {
                        check(op, m, k, n, rnd);
                    }
                }
            }
        }
    }

    @Test
    void matchesEjmlOnReferenceAndRandomShapes() {
        Random rnd = new Random(7);
        for (int[] s : REFERENCE_SHAPES) {
            for (Op op : Op.values()) {
                check(op, s[0], s[1], s[2], rnd);
            }
        }
        for (int t = 0; t < 300; t++) {
            int m = 1 + rnd.nextInt(150);
            int k = 1 + rnd.nextInt(150);
            int n = 1 + rnd.nextInt(150);
            for (Op op : Op.values()) {
                check(op, m, k, n, rnd);
            }
        }
    }

    /** Long inner dimensions: packed panels grow to hold them, and the float sums stay within the bound. */
    @Test
    void longInnerDimensions() {
        Random rnd = new Random(5);
        for (int k : new int[] {255, 256, 257, 589, 1437, 4099}) {
            for (Op op : Op.values()) {
                check(op, 1 + rnd.nextInt(70), k, 1 + rnd.nextInt(70), rnd);
                check(op, 64, k, 10, rnd);
            }
        }
    }

    /** The arithmetic is float32: inputs are rounded to float, and every result is a float widened to double. */
    @Test
    void productsAreFloat32() {
        double tiny = Math.scalb(1.0, -30);
        for (Op op : Op.values()) {
            DMatrixRMaj[] ab = operands(op, 7, 3, 9, new Random(1));
            Arrays.fill(ab[0].data, 1 + tiny);
            Arrays.fill(ab[1].data, 1.0);
            DMatrixRMaj c = nanFilled(7, 9);
            run(f32, op, ab[0], ab[1], c);
            for (double v : c.data) {
                assertEquals(3.0, v, 0.0, op + ": 1 + 2^-30 rounds to 1 in float32");
            }
            DMatrixRMaj[] random = operands(op, 13, 77, 21, new Random(2));
            DMatrixRMaj r = new DMatrixRMaj(13, 21);
            run(f32, op, random[0], random[1], r);
            for (double v : r.data) {
                assertEquals(v, (float) v, 0.0, op + ": a float32 sum widened");
            }
        }
    }

    @Test
    void innerDimensionZeroGivesZeros() {
        for (Op op : Op.values()) {
            DMatrixRMaj[] ab = operands(op, 5, 0, 9, new Random(1));
            DMatrixRMaj c = nanFilled(5, 9);
            run(f32, op, ab[0], ab[1], c);
            for (int i = 0; i < c.getNumElements(); i++) {
                assertEquals(0.0, c.data[i], op + " element " + i);
            }
        }
    }

    @Test
    void deterministicAcrossCallsAndScratchState() {
        Random rnd = new Random(3);
        for (Op op : Op.values()) {
            for (int[] s : new int[][] {{64, 64, 128}, {29, 10, 64}, {37, 300, 91}}) {
                DMatrixRMaj[] ab = operands(op, s[0], s[1], s[2], rnd);
                DMatrixRMaj first = nanFilled(s[0], s[2]);
                run(f32, op, ab[0], ab[1], first);
                // Grow and dirty the per-thread scratch with a larger shape, then repeat.
                DMatrixRMaj[] other = operands(op, 150, 149, 75, rnd);
                run(f32, op, other[0], other[1], new DMatrixRMaj(150, 75));
                DMatrixRMaj second = nanFilled(s[0], s[2]);
                run(new Float32VectorGemm(), op, ab[0], ab[1], second);
                assertArrayEquals(first.data, second.data, op + " " + Arrays.toString(s));
            }
        }
    }

    /** multTransA's float copy of a at a conflict-free stride ({@link CacheStrides}) gives the bits of mult on a^T. */
    @Test
    void transposedLeftOperandsAtCacheAlignedStridesGiveTheBitsOfMult() {
        Random rnd = new Random(17);
        for (int[] s : new int[][] {{128, 64, 64}, {256, 64, 256}, {256, 64, 10}, {64, 64, 128}, {32, 29, 40},
                {128, 2 * Float32VectorGemm.KC + 5, 70}}) {
            VectorGemmTest.assertTransAMatchesMult(f32, s[0], s[1], s[2], rnd, "f32");
        }
    }

    @Test
    void matricesWithOversizedDataArrays() {
        Random rnd = new Random(11);
        DMatrixRMaj a = random(40, 40, rnd);
        DMatrixRMaj b = random(40, 40, rnd);
        a.reshape(13, 21);
        b.reshape(21, 19);
        DMatrixRMaj c = new DMatrixRMaj(30, 30);
        c.reshape(13, 19);
        Arrays.fill(c.data, Double.NaN);
        f32.mult(a, b, c);
        DMatrixRMaj want = new DMatrixRMaj(13, 19);
        ref.mult(a, b, want);
        assertClose(Op.MULT, want, c, a, b, 21, "oversized");
        for (int i = 13 * 19; i < c.data.length; i++) {
            assertEquals(Double.NaN, c.data[i], "written past the result at " + i);
        }
    }

    @Test
    void rejectsWrongShapesAndAliasing() {
        DMatrixRMaj a = new DMatrixRMaj(3, 4);
        DMatrixRMaj b = new DMatrixRMaj(4, 5);
        assertThrows(IllegalArgumentException.class, () -> f32.mult(a, b, new DMatrixRMaj(3, 4)));
        assertThrows(IllegalArgumentException.class, () -> f32.mult(a, new DMatrixRMaj(5, 5), new DMatrixRMaj(3, 5)));
        assertThrows(IllegalArgumentException.class, () -> f32.multTransA(a, b, new DMatrixRMaj(3, 5)));
        assertThrows(IllegalArgumentException.class, () -> f32.multTransB(a, b, new DMatrixRMaj(3, 4)));
        DMatrixRMaj sq = new DMatrixRMaj(4, 4);
        assertThrows(IllegalArgumentException.class, () -> f32.mult(sq, sq, sq));
    }

    @Test
    void oneInstanceIsSafeAcrossThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                int seed = t;
                futures.add(pool.submit(() -> {
                    Random rnd = new Random(100 + seed);
                    for (int i = 0; i < 60; i++) {
                        Op op = Op.values()[i % 3];
                        check(op, 1 + rnd.nextInt(80), 1 + rnd.nextInt(80), 1 + rnd.nextInt(80), rnd);
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

    /** The engine's self-check accepts it at float32 tolerance, and not at float64's. */
    @Test
    void passesTheSelfCheckAtFloat32ToleranceOnly() {
        assertEquals(null, Gemms.selfCheck(f32, Gemms.FLOAT32_TOLERANCE));
        assertEquals(false, Gemms.selfCheck(f32) == null, "float32 passed a float64 self-check");
    }

    private void check(Op op, int m, int k, int n, Random rnd) {
        DMatrixRMaj[] ab = operands(op, m, k, n, rnd);
        DMatrixRMaj want = nanFilled(m, n);
        DMatrixRMaj got = nanFilled(m, n);
        run(ref, op, ab[0], ab[1], want);
        run(f32, op, ab[0], ab[1], got);
        assertClose(op, want, got, ab[0], ab[1], k, op + " m=" + m + " k=" + k + " n=" + n);
    }

    private static void assertClose(Op op, DMatrixRMaj want, DMatrixRMaj got, DMatrixRMaj a, DMatrixRMaj b, int k,
                                    String what) {
        DMatrixRMaj absA = a.copy();
        DMatrixRMaj absB = b.copy();
        CommonOps_DDRM.abs(absA);
        CommonOps_DDRM.abs(absB);
        DMatrixRMaj mag = new DMatrixRMaj(want.numRows, want.numCols);
        run(new EjmlGemm(), op, absA, absB, mag);
        double bound = (k + 2) * U;
        for (int i = 0; i < want.getNumElements(); i++) {
            double err = Math.abs(want.data[i] - got.data[i]);
            if (!(err <= bound * mag.data[i])) {
                fail(what + ": element " + i + " want " + want.data[i] + " got " + got.data[i]
                        + " (error " + err / mag.data[i] + " of the magnitude, bound " + bound + ")");
            }
        }
    }
}
