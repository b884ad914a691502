package dev.hypersearch.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/**
 * The Vector API activations against {@code Math}'s, value by value, over the range training meets and its
 * extremes, at lengths that are and are not a multiple of the vector width (the tail takes the scalar path).
 * Runs under the test JVM's {@code --add-modules jdk.incubator.vector}.
 */
class VectorTranscendentalsTest {

    /** SVML's double routines are within 1 ulp of the exact value, and {@code Math}'s too. */
    private static final int ULPS = 4;

    private static final Transcendentals VECTOR = VectorTranscendentals.INSTANCE;
    private static final Transcendentals MATH = ScalarTranscendentals.INSTANCE;

    @Test
    void tanhMatchesMath() {
        assertClose("tanh", (z, a) -> VECTOR.tanh(z, a, z.length), (z, a) -> MATH.tanh(z, a, z.length));
    }

    @Test
    void sigmoidMatchesMath() {
        assertClose("sigmoid", (z, a) -> VECTOR.sigmoid(z, a, z.length), (z, a) -> MATH.sigmoid(z, a, z.length));
    }

    @Test
    void eluMatchesMath() {
        for (double alpha : new double[] {1.0, 0.3, 2.5}) {
            assertClose("elu " + alpha, (z, a) -> VECTOR.elu(z, a, z.length, alpha),
                    (z, a) -> MATH.elu(z, a, z.length, alpha));
        }
    }

    @Test
    void onlyTheFirstNValuesAreWritten() {
        double[] z = inputs(37);
        for (int n : new int[] {0, 1, 7, 8, 9, 16, 33}) {
            double[] a = new double[z.length];
            java.util.Arrays.fill(a, 42.0);
            VECTOR.tanh(z, a, n);
            VECTOR.sigmoid(z, a, n);
            VECTOR.elu(z, a, n, 1.0);
            for (int i = n; i < a.length; i++) {
                assertThat(a[i]).as("n=%d, index %d", n, i).isEqualTo(42.0);
            }
        }
    }

    @Test
    void aDivergedInputStaysNotANumber() {
        double[] z = new double[16];
        java.util.Arrays.fill(z, Double.NaN);
        double[] a = new double[16];
        VECTOR.tanh(z, a, 16);
        assertThat(java.util.Arrays.stream(a).allMatch(Double::isNaN)).isTrue();
        VECTOR.sigmoid(z, a, 16);
        assertThat(java.util.Arrays.stream(a).allMatch(Double::isNaN)).isTrue();
        VECTOR.elu(z, a, 16, 1.0);
        assertThat(java.util.Arrays.stream(a).allMatch(Double::isNaN)).isTrue();
    }

    private static void assertClose(String what, BiConsumer<double[], double[]> vector,
            BiConsumer<double[], double[]> math) {
        for (int length : new int[] {1, 5, 8, 13, 64, 1000, 4099}) {
            double[] z = inputs(length);
            double[] fast = new double[length];
            double[] exact = new double[length];
            vector.accept(z, fast);
            math.accept(z, exact);
            for (int i = 0; i < length; i++) {
                double tolerance = ULPS * Math.ulp(exact[i]);
                assertThat(Math.abs(fast[i] - exact[i])).as("%s(%s)", what, z[i]).isLessThanOrEqualTo(tolerance);
            }
        }
    }

    /** Gaussian pre-activations at several scales, and the extremes first (so they land in vector lanes). */
    private static double[] inputs(int length) {
        double[] extremes = {0.0, -0.0, 1e-300, -1e-300, 1e-9, -1e-9, 19.5, -19.5, 40, -40, 709, -709, 745, -745,
                1e4, -1e4, Double.MAX_VALUE, -Double.MAX_VALUE};
        Random rnd = new Random(length);
        double[] z = new double[length];
        for (int i = 0; i < length; i++) {
            z[i] = i < extremes.length ? extremes[i] : rnd.nextGaussian() * (i % 3 == 0 ? 0.1 : i % 3 == 1 ? 2 : 12);
        }
        return z;
    }
}
