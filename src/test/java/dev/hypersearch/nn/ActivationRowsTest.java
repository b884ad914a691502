package dev.hypersearch.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The smooth activations' fused row loops (ScalarActivationRows, VectorActivationRows) against the unfused loops they
 * replace, run one after the other as the layers did before: backward bit for bit on both sets; forward bit for bit
 * on the plain set and for the activations without a transcendental function, else within VectorTranscendentalsTest's
 * bound (see assertOutputs). Runs under the test JVM's {@code --add-modules jdk.incubator.vector}.
 */
class ActivationRowsTest {

    private static final Activation[] SMOOTH = {Activation.SIGMOID, Activation.TANH, Activation.ELU,
        Activation.LINEAR};
    private static final int[] ROWS = {1, 3, 64};
    private static final int[] COLS = {1, 3, 4, 5, 8, 17, 128};
    private static final double ALPHA = 1.3;

    @Test
    void fusedBackwardMatchesTheDerivativeThenTheSumsBitForBit() {
        for (RowKernels k : new RowKernels[] {ScalarRowKernels.INSTANCE, VectorRowKernels.INSTANCE}) {
            for (Activation f : SMOOTH) {
                for (int rows : ROWS) {
                    for (int cols : COLS) {
                        String what = k.getClass().getSimpleName() + " " + f + " " + rows + "x" + cols;
                        int n = rows * cols;
                        double[] z = random(n, 1);
                        double[] a = new double[n];
                        ActivationKernels.forward(f, ScalarTranscendentals.INSTANCE, z, a, rows, cols, 0, ALPHA,
                                null);
                        double[] d = random(n, 2);
                        double[] x = random(n, 3);
                        double[] expected = d.clone();
                        ActivationKernels.backward(f, k, z, a, expected, rows, cols, 0, ALPHA, null, null);
                        double[] sums = new double[cols];
                        k.columnSums(expected, rows, cols, sums);
                        double[] bnSums = new double[cols];
                        double[] dots = new double[cols];
                        k.sumsAndDots(expected, x, rows, cols, bnSums, dots);

                        double[] fused = d.clone();
                        double[] fusedSums = filled(cols);
                        k.activationBackwardSums(f, z, a, fused, null, rows, cols, ALPHA, fusedSums, null);
                        assertThat(fused).as(what + " d").containsExactly(expected);
                        assertThat(fusedSums).as(what + " sums").containsExactly(sums);

                        fused = d.clone();
                        double[] fusedBnSums = filled(cols);
                        double[] fusedDots = filled(cols);
                        k.activationBackwardSums(f, z, a, fused, x, rows, cols, ALPHA, fusedBnSums, fusedDots);
                        assertThat(fused).as(what + " d with dots").containsExactly(expected);
                        assertThat(fusedBnSums).as(what + " batch norm sums").containsExactly(bnSums);
                        assertThat(fusedDots).as(what + " dots").containsExactly(dots);
                    }
                }
            }
        }
    }

    @Test
    void fusedForwardMatchesTheBiasThenTheActivation() {
        for (Transcendentals t : new Transcendentals[] {ScalarTranscendentals.INSTANCE,
            VectorTranscendentals.INSTANCE}) {
            for (Activation f : SMOOTH) {
                for (int rows : ROWS) {
                    for (int cols : COLS) {
                        String what = t.name() + " " + f + " " + rows + "x" + cols;
                        int n = rows * cols;
                        double[] z = random(n, 4);
                        double[] v = random(cols, 5);
                        double[] zs = z.clone();
                        t.rows().addRow(zs, rows, cols, v);
                        double[] as = new double[n];
                        ActivationKernels.forward(f, t, zs, as, rows, cols, 0, ALPHA, null);

                        double[] zf = z.clone();
                        double[] af = new double[n];
                        t.addRowActivation(f, zf, af, rows, cols, v, ALPHA);
                        assertThat(zf).as(what + " z").containsExactly(zs);
                        assertOutputs(what, f, t, af, as);
                    }
                }
            }
        }
    }

    /** Batch norm's transform and any activation in one pass against normalize, then the activation. */
    @Test
    void fusedNormalizeMatchesNormalizeThenTheActivation() {
        for (Transcendentals t : new Transcendentals[] {ScalarTranscendentals.INSTANCE,
            VectorTranscendentals.INSTANCE}) {
            for (Activation f : Activation.values()) {
                for (int rows : ROWS) {
                    for (int cols : COLS) {
                        String what = t.name() + " " + f + " " + rows + "x" + cols;
                        int n = rows * cols;
                        double[] z = random(n, 6);
                        double[] mean = random(cols, 7);
                        double[] invStd = random(cols, 8);
                        double[] gamma = random(cols, 9);
                        double[] beta = random(cols, 10);
                        double[] slopes = random(cols, 11);
                        double[] zs = z.clone();
                        double[] xs = new double[n];
                        t.rows().normalize(zs, xs, rows, cols, mean, invStd, gamma, beta);
                        double[] as = new double[n];
                        ActivationKernels.forward(f, t, zs, as, rows, cols, 0.07, ALPHA, slopes);

                        double[] zf = z.clone();
                        double[] xf = new double[n];
                        double[] af = new double[n];
                        t.normalizeActivation(f, zf, xf, af, rows, cols, mean, invStd, gamma, beta, 0.07, ALPHA,
                                slopes);
                        assertThat(zf).as(what + " z").containsExactly(zs);
                        assertThat(xf).as(what + " xhat").containsExactly(xs);
                        assertOutputs(what, f, t, af, as);
                    }
                }
            }
        }
    }

    /**
     * Bit for bit on the plain set and for the activations without a transcendental function; the vector set's
     * sigmoid, tanh and ELU within VectorTranscendentalsTest's bound: a lanewise EXP or EXPM1 gives SVML's value once
     * C2 has compiled its loop and the per-lane Math fallback's before, so the fused and the unfused loop can differ by
     * an ulp while one of them is compiled and the other not (and the column tails take Math).
     */
    private static void assertOutputs(String what, Activation f, Transcendentals t, double[] fused,
            double[] unfused) {
        boolean transcendental = f == Activation.SIGMOID || f == Activation.TANH || f == Activation.ELU;
        if (t == ScalarTranscendentals.INSTANCE || !transcendental) {
            assertThat(fused).as(what + " a").containsExactly(unfused);
            return;
        }
        for (int i = 0; i < fused.length; i++) {
            assertThat(Math.abs(fused[i] - unfused[i])).as(what + " a[" + i + "]")
                    .isLessThanOrEqualTo(4.5 * Math.ulp(unfused[i]));
        }
    }

    @Test
    void fusedForwardInPlaceAndDefinitions() {
        double[] m = {0.5, -1.0, 2.0, -3.0};
        double[] v = {0.5, 1.0};
        for (Transcendentals t : new Transcendentals[] {ScalarTranscendentals.INSTANCE,
            VectorTranscendentals.INSTANCE}) {
            double[] z = m.clone();
            double[] a = new double[4];
            t.addRowActivation(Activation.LINEAR, z, a, 2, 2, v, 1.0);
            assertThat(z).containsExactly(1.0, 0.0, 2.5, -2.0);
            assertThat(a).containsExactly(1.0, 0.0, 2.5, -2.0);
            z = m.clone();
            t.addRowActivation(Activation.ELU, z, a, 2, 2, v, 2.0);
            assertThat(a[0]).isEqualTo(1.0);
            assertThat(a[3]).isCloseTo(2.0 * Math.expm1(-2.0), org.assertj.core.api.Assertions.within(1e-15));
        }
    }

    private static double[] filled(int n) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, 42.0); // overwritten, not added to
        return a;
    }

    private static double[] random(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = rng.nextGaussian() * (i % 7 == 0 ? 0 : 2); // zeros on ELU's kink
        }
        return a;
    }
}
