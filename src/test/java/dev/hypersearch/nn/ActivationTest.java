package dev.hypersearch.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ActivationTest {

    /** Inputs on both sides of 0 but away from the kink of the ReLU family. */
    private static final double[] Z = {-3.0, -1.1, -0.4, -0.05, 0.05, 0.3, 1.7, 4.0};

    @ParameterizedTest
    @EnumSource(Activation.class)
    void derivativeMatchesCentralDifference(Activation f) {
        int n = Z.length;
        double[] slopes = new double[n];
        for (int j = 0; j < n; j++) {
            slopes[j] = 0.1 + 0.05 * j;
        }
        double[] a = new double[n];
        double[] up = new double[n];
        for (int j = 0; j < n; j++) {
            up[j] = 1.0 - 0.3 * j; // arbitrary upstream dL/dA
        }
        double[] d = up.clone();
        double[] slopeGrad = new double[n];
        ActivationKernels.forward(f, ScalarTranscendentals.INSTANCE, Z, a, 1, n, 0.02, 1.3, slopes);
        ActivationKernels.backward(f, ScalarRowKernels.INSTANCE, Z, a, d, 1, n, 0.02, 1.3, slopes, slopeGrad);
        double h = 1e-6;
        for (int j = 0; j < n; j++) {
            double numeric = (apply(f, Z[j] + h, slopes[j]) - apply(f, Z[j] - h, slopes[j])) / (2 * h) * up[j];
            assertThat(relativeError(d[j], numeric)).as("%s at z=%s", f, Z[j]).isLessThan(1e-6);
            if (f == Activation.PRELU) {
                double ds = (apply(f, Z[j], slopes[j] + h) - apply(f, Z[j], slopes[j] - h)) / (2 * h) * up[j];
                assertThat(Math.abs(slopeGrad[j] - ds)).as("slope grad at z=%s", Z[j]).isLessThan(1e-8);
            }
        }
    }

    private static double apply(Activation f, double z, double slope) {
        double[] out = new double[1];
        ActivationKernels.forward(f, ScalarTranscendentals.INSTANCE, new double[] {z}, out, 1, 1, 0.02, 1.3, new double[] {slope});
        return out[0];
    }

    private static double relativeError(double a, double b) {
        return Math.abs(a - b) / Math.max(Math.max(Math.abs(a), Math.abs(b)), 1e-12);
    }

    @Test
    void sigmoidIsFiniteAtExtremes() {
        assertThat(ActivationKernels.sigmoid(-1e4)).isEqualTo(0.0);
        assertThat(ActivationKernels.sigmoid(1e4)).isEqualTo(1.0);
    }

    @Test
    void parsesLowerCaseNames() {
        for (Activation f : Activation.values()) {
            assertThat(Activation.parse(f.id())).isEqualTo(f);
        }
        assertThat(Activation.parse("leaky_relu")).isEqualTo(Activation.LEAKY_RELU);
        assertThat(Activation.parse(" ReLU ")).isEqualTo(Activation.RELU);
    }

    @Test
    void stepIsRejectedBecauseItsGradientIsZero() {
        assertThatThrownBy(() -> Activation.parse("step"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot be trained")
                .hasMessageContaining("gradient is zero almost everywhere");
    }

    @Test
    void unknownNameListsAllowedValues() {
        assertThatThrownBy(() -> Activation.parse("swish"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("swish")
                .hasMessageContaining("sigmoid, tanh, relu, leaky_relu, prelu, elu, linear");
    }

    @Test
    void initializerParsesAndRejects() {
        assertThat(Initializer.parse("small_random")).isEqualTo(Initializer.SMALL_RANDOM);
        assertThat(Initializer.parse("he")).isEqualTo(Initializer.HE);
        assertThatThrownBy(() -> Initializer.parse("glorot"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("zeros, small_random, xavier, he");
    }
}
