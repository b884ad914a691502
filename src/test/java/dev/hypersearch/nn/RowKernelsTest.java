package dev.hypersearch.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The Vector API's row loops give bit-identical results to the plain ones (same operations in the same order), at
 * widths that are and are not a multiple of the vector width and with a row of one; the plain ones against their
 * definitions. Runs under the test JVM's {@code --add-modules jdk.incubator.vector}.
 */
class RowKernelsTest {

    private static final RowKernels PLAIN = ScalarRowKernels.INSTANCE;
    private static final RowKernels VECTOR = VectorRowKernels.INSTANCE;
    private static final int[] ROWS = {1, 3, 64};
    private static final int[] COLS = {1, 3, 4, 5, 10, 17, 128};

    @Test
    void vectorLoopsMatchPlainLoopsBitForBit() {
        for (int rows : ROWS) {
            for (int cols : COLS) {
                int n = rows * cols;
                String shape = rows + "x" + cols;
                double[] m = random(n, 1);
                double[] x = random(n, 2);
                double[] y = random(n, 6);
                double[] v = random(cols, 3);
                double[] w = random(cols, 4);
                double[] u = random(cols, 5);
                same(shape + " addRow", m, (k, a) -> k.addRow(a, rows, cols, v));
                sameColumns(shape + " columnSums", cols, (k, out) -> k.columnSums(m, rows, cols, out));
                same(shape + " kinkForward", m, (k, a) -> k.kinkForward(m.clone(), a, n, 0.07));
                for (double below : new double[] {0.0, 0.01, 1.7}) {
                    same(shape + " kinkBackward " + below, x, (k, d) -> k.kinkBackward(m, d, n, below));
                }
                same(shape + " eluBackward", x, (k, d) -> k.eluBackward(m, y, d, n, 1.3));
                sameColumns(shape + " squaredDeviations", cols, (k, out) -> k.squaredDeviations(m, rows, cols, v, out));
                same(shape + " normalize", m, (k, z) -> k.normalize(z, new double[n], rows, cols, v, w, u, v));
                same(shape + " normalize xhat", m, (k, out) -> k.normalize(m.clone(), out, rows, cols, v, w, u, v));
                same(shape + " scaleShift", m, (k, a) -> k.scaleShift(a, rows, cols, v, w));
                sameColumns(shape + " sums", cols, (k, out) -> k.sumsAndDots(m, x, rows, cols, out, new double[cols]));
                sameColumns(shape + " dots", cols, (k, out) -> k.sumsAndDots(m, x, rows, cols, new double[cols], out));
                same(shape + " centerScale", m, (k, d) -> k.centerScale(d, x, rows, cols, v, w, u));
                double[] slopes = random(cols, 7); // learned slopes: any sign, also above 1, and zeros
                same(shape + " preluForward", m, (k, a) -> k.preluForward(m.clone(), a, rows, cols, slopes));
                same(shape + " preluBackward", x, (k, d) -> k.preluBackward(m, d, rows, cols, slopes, new double[cols]));
                sameColumns(shape + " preluBackward slopes", cols,
                        (k, out) -> k.preluBackward(m, x.clone(), rows, cols, slopes, out));
                same(shape + " addRowPrelu", m, (k, z) -> k.addRowPrelu(z, new double[n], rows, cols, v, slopes));
                same(shape + " addRowPrelu a", m, (k, a) -> k.addRowPrelu(m.clone(), a, rows, cols, v, slopes));
                same(shape + " preluBackwardSums", x, (k, d) -> k.preluBackwardSums(m, d, rows, cols, slopes,
                        new double[cols], new double[cols]));
                sameColumns(shape + " preluBackwardSums slopes", cols, (k, out) -> k.preluBackwardSums(m, x.clone(),
                        rows, cols, slopes, out, new double[cols]));
                sameColumns(shape + " preluBackwardSums sums", cols, (k, out) -> k.preluBackwardSums(m, x.clone(),
                        rows, cols, slopes, new double[cols], out));
                same(shape + " preluBackwardSumsAndDots", x, (k, d) -> k.preluBackwardSumsAndDots(m, d, y, rows,
                        cols, slopes, new double[cols], new double[cols], new double[cols]));
                sameColumns(shape + " preluBackwardSumsAndDots slopes", cols, (k, out) -> k.preluBackwardSumsAndDots(
                        m, x.clone(), y, rows, cols, slopes, out, new double[cols], new double[cols]));
                sameColumns(shape + " preluBackwardSumsAndDots sums", cols, (k, out) -> k.preluBackwardSumsAndDots(
                        m, x.clone(), y, rows, cols, slopes, new double[cols], out, new double[cols]));
                sameColumns(shape + " preluBackwardSumsAndDots dots", cols, (k, out) -> k.preluBackwardSumsAndDots(
                        m, x.clone(), y, rows, cols, slopes, new double[cols], new double[cols], out));
                same(shape + " addRowRelu", m, (k, z) -> k.addRowRelu(z, new double[n], rows, cols, v));
                same(shape + " addRowRelu a", m, (k, a) -> k.addRowRelu(m.clone(), a, rows, cols, v));
                same(shape + " addRowRelu in place", m, (k, z) -> k.addRowRelu(z, z, rows, cols, v));
                for (double below : new double[] {0.0, 0.01, 1.7}) {
                    String b = " " + below;
                    same(shape + " addRowKink" + b, m, (k, z) -> k.addRowKink(z, new double[n], rows, cols, v, below));
                    same(shape + " addRowKink a" + b, m, (k, a) -> k.addRowKink(m.clone(), a, rows, cols, v, below));
                    same(shape + " kinkBackwardSums" + b, x,
                            (k, d) -> k.kinkBackwardSums(m, d, rows, cols, below, new double[cols]));
                    sameColumns(shape + " kinkBackwardSums sums" + b, cols,
                            (k, out) -> k.kinkBackwardSums(m, x.clone(), rows, cols, below, out));
                    same(shape + " kinkBackwardSumsAndDots" + b, x, (k, d) -> k.kinkBackwardSumsAndDots(m, d, y, rows,
                            cols, below, new double[cols], new double[cols]));
                    sameColumns(shape + " kinkBackwardSumsAndDots sums" + b, cols, (k, out) ->
                            k.kinkBackwardSumsAndDots(m, x.clone(), y, rows, cols, below, out, new double[cols]));
                    sameColumns(shape + " kinkBackwardSumsAndDots dots" + b, cols, (k, out) ->
                            k.kinkBackwardSumsAndDots(m, x.clone(), y, rows, cols, below, new double[cols], out));
                }
            }
        }
    }

    @Test
    void plainLoopsMatchTheirDefinitions() {
        double[] m = {1, -2, 3, 0.5, -0.0, 6};
        double[] v = {10, 20, 30};
        double[] a = m.clone();
        PLAIN.addRow(a, 2, 3, v);
        assertThat(a).containsExactly(11, 18, 33, 10.5, 20, 36);
        double[] sums = new double[3];
        PLAIN.columnSums(m, 2, 3, sums);
        assertThat(sums).containsExactly(1.5, -2, 9);
        PLAIN.kinkForward(m, a, 6, 0.25);
        assertThat(a).containsExactly(1, -0.5, 3, 0.5, -0.0, 6);
        double[] d = {2, 2, 2, 2, 2, 2};
        PLAIN.kinkBackward(m, d, 6, 0.25);
        assertThat(d).containsExactly(2, 0.5, 2, 2, 0.5, 2); // the kink at 0 takes the slope below
        double[] e = {2, 2, 2, 2, 2, 2};
        PLAIN.eluBackward(m, new double[] {1, -0.5, 3, 0.5, -0.0, 6}, e, 6, 1.0);
        assertThat(e).containsExactly(2, 1, 2, 2, 2, 2);
        double[] dev = new double[3];
        PLAIN.squaredDeviations(m, 2, 3, new double[] {1, 0, 3}, dev);
        assertThat(dev).containsExactly(0.25, 4, 9);
        double[] z = m.clone();
        double[] xhat = new double[6];
        PLAIN.normalize(z, xhat, 2, 3, new double[] {1, 0, 3}, new double[] {2, 1, 0.5}, new double[] {3, 1, 1},
                new double[] {1, 0, 0});
        assertThat(xhat).containsExactly(0, -2, 0, -1, -0.0, 1.5);
        assertThat(z).containsExactly(1, -2, 0, -2, 0, 1.5);
        double[] dots = new double[3];
        PLAIN.sumsAndDots(m, new double[] {1, 1, 2, 2, 3, 0}, 2, 3, sums, dots);
        assertThat(sums).containsExactly(1.5, -2, 9);
        assertThat(dots).containsExactly(2, -2, 6);
        double[] c = {1, 1, 1, 1, 1, 1};
        PLAIN.centerScale(c, new double[] {1, 2, 3, 4, 5, 6}, 2, 3, new double[] {1, 0, 0}, new double[] {0, 1, 0},
                new double[] {2, 2, 3});
        assertThat(c).containsExactly(0, -2, 3, 0, -8, 3);
    }

    /**
     * Each fused loop gives the very bits of the loops it fuses, run one after the other (the layers' results before
     * the fusion), on both sets.
     */
    @Test
    void fusedLoopsMatchTheLoopsTheyFuseBitForBit() {
        int rows = 5;
        int cols = 11;
        int n = rows * cols;
        double[] z = random(n, 11);
        double[] d = random(n, 12);
        double[] x = random(n, 13);
        double[] v = random(cols, 14);
        for (RowKernels k : new RowKernels[] {PLAIN, VECTOR}) {
            String set = k.getClass().getSimpleName() + " ";
            double[] zf = z.clone();
            double[] af = new double[n];
            k.addRowRelu(zf, af, rows, cols, v);
            double[] zs = z.clone();
            k.addRow(zs, rows, cols, v);
            double[] as = new double[n];
            for (int i = 0; i < n; i++) {
                as[i] = Math.max(zs[i], 0.0); // ActivationKernels.forward's ReLU
            }
            assertThat(zf).as(set + "addRowRelu z").containsExactly(zs);
            assertThat(af).as(set + "addRowRelu a").containsExactly(as);
            double[] slopes = random(cols, 15);
            zf = z.clone();
            k.addRowPrelu(zf, af, rows, cols, v, slopes);
            zs = z.clone();
            k.addRow(zs, rows, cols, v);
            k.preluForward(zs, as, rows, cols, slopes);
            assertThat(zf).as(set + "addRowPrelu z").containsExactly(zs);
            assertThat(af).as(set + "addRowPrelu a").containsExactly(as);
            double[] dp = d.clone();
            double[] slopeGrad = new double[cols];
            double[] preluSums = new double[cols];
            k.preluBackwardSums(z, dp, rows, cols, slopes, slopeGrad, preluSums);
            double[] dq = d.clone();
            double[] expectedSlopeGrad = new double[cols];
            k.preluBackward(z, dq, rows, cols, slopes, expectedSlopeGrad);
            double[] expectedPreluSums = new double[cols];
            k.columnSums(dq, rows, cols, expectedPreluSums);
            assertThat(dp).as(set + "preluBackwardSums d").containsExactly(dq);
            assertThat(slopeGrad).as(set + "preluBackwardSums slopes").containsExactly(expectedSlopeGrad);
            assertThat(preluSums).as(set + "preluBackwardSums sums").containsExactly(expectedPreluSums);
            dp = d.clone();
            double[] preluDots = new double[cols];
            k.preluBackwardSumsAndDots(z, dp, x, rows, cols, slopes, slopeGrad, preluSums, preluDots);
            double[] expectedPreluDots = new double[cols];
            k.sumsAndDots(dq, x, rows, cols, expectedPreluSums, expectedPreluDots);
            assertThat(dp).as(set + "preluBackwardSumsAndDots d").containsExactly(dq);
            assertThat(slopeGrad).as(set + "preluBackwardSumsAndDots slopes").containsExactly(expectedSlopeGrad);
            assertThat(preluSums).as(set + "preluBackwardSumsAndDots sums").containsExactly(expectedPreluSums);
            assertThat(preluDots).as(set + "preluBackwardSumsAndDots dots").containsExactly(expectedPreluDots);
            for (double below : new double[] {0.0, 0.01, 1.7}) {
                String b = set + below + " ";
                zf = z.clone();
                k.addRowKink(zf, af, rows, cols, v, below);
                zs = z.clone();
                k.addRow(zs, rows, cols, v);
                k.kinkForward(zs, as, n, below);
                assertThat(zf).as(b + "addRowKink z").containsExactly(zs);
                assertThat(af).as(b + "addRowKink a").containsExactly(as);

                double[] df = d.clone();
                double[] sums = new double[cols];
                k.kinkBackwardSums(z, df, rows, cols, below, sums);
                double[] ds = d.clone();
                k.kinkBackward(z, ds, n, below);
                double[] expectedSums = new double[cols];
                k.columnSums(ds, rows, cols, expectedSums);
                assertThat(df).as(b + "kinkBackwardSums d").containsExactly(ds);
                assertThat(sums).as(b + "kinkBackwardSums sums").containsExactly(expectedSums);

                df = d.clone();
                double[] dots = new double[cols];
                k.kinkBackwardSumsAndDots(z, df, x, rows, cols, below, sums, dots);
                double[] expectedDots = new double[cols];
                k.sumsAndDots(ds, x, rows, cols, expectedSums, expectedDots);
                assertThat(df).as(b + "kinkBackwardSumsAndDots d").containsExactly(ds);
                assertThat(sums).as(b + "kinkBackwardSumsAndDots sums").containsExactly(expectedSums);
                assertThat(dots).as(b + "kinkBackwardSumsAndDots dots").containsExactly(expectedDots);
            }
        }
    }

    /** PReLU's loops against the definition: z above the kink, slope * z below it, and the slope's gradient. */
    @Test
    void preluLoopsMatchTheirDefinition() {
        double[] z = {1, -2, 0.0, -0.5, 3, -4};
        double[] slopes = {0.25, -0.5};
        for (RowKernels k : new RowKernels[] {PLAIN, VECTOR}) {
            double[] a = new double[6];
            k.preluForward(z, a, 3, 2, slopes);
            assertThat(a).containsExactly(1, 1, 0, 0.25, 3, 2);
            double[] d = {2, 2, 2, 2, 2, 2};
            double[] slopeGrad = {9, 9};
            k.preluBackward(z, d, 3, 2, slopes, slopeGrad);
            assertThat(d).containsExactly(2, -1, 0.5, -1, 2, -1);
            assertThat(slopeGrad).containsExactly(0, 2 * -2 + 2 * -0.5 + 2 * -4);
        }
    }

    private interface Fill {
        void apply(RowKernels k, double[] target);
    }

    /** Runs both on copies of {@code start} and compares the arrays they wrote, bit for bit. */
    private static void same(String what, double[] start, Fill fill) {
        double[] plain = start.clone();
        double[] vector = start.clone();
        fill.apply(PLAIN, plain);
        fill.apply(VECTOR, vector);
        assertThat(vector).as(what).containsExactly(plain);
    }

    private static void sameColumns(String what, int cols, Fill fill) {
        same(what, new double[cols], fill);
    }

    private static double[] random(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = rng.nextGaussian() * (i % 7 == 0 ? 0 : 2); // zeros on the kink
        }
        return a;
    }
}
