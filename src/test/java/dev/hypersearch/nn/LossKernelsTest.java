package dev.hypersearch.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LossKernelsTest {

    private static final Transcendentals MATH = ScalarTranscendentals.INSTANCE;

    /** Both sets of exponentials: Math's and the Vector API's (a full vector of 4 and more, then a tail). */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void softmaxCrossEntropyIsFiniteAndExactAtHugeLogits(boolean vector) {
        double[] z = {1e4, 0, -1e4, 1e4, 0, -1e4};
        double[] t = {0, 1, 0, 1, 0, 0}; // row 0: wrong class (logit 0), row 1: right class
        double[] p = new double[6];
        Transcendentals e = vector ? VectorTranscendentals.INSTANCE : MATH;
        double sum = LossKernels.forward(Loss.SOFTMAX_CROSS_ENTROPY, e, z, p, t, 2, 3);
        // analytic: lse(z) - z_y with lse = 1e4 + log(1 + e^-1e4 + e^-2e4) = 1e4 in doubles
        assertThat(sum).isFinite().isCloseTo((1e4 - 0) + (1e4 - 1e4), within(1e-9));
        assertThat(p).containsExactly(1, 0, 0, 1, 0, 0);
        double[] dz = new double[6];
        LossKernels.gradient(Loss.SOFTMAX_CROSS_ENTROPY, p, t, dz, 2, 3);
        assertThat(dz).containsExactly(0.5, -0.5, 0, 0, 0, 0);
    }

    /** The four-chain row maximum is Math.max's left fold exactly: NaN wins, +0.0 above -0.0, every length. */
    @Test
    void rowMaxIsTheSequentialMathMax() {
        double[] specials = {Double.NaN, 0.0, -0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e300};
        SplittableRandom rng = new SplittableRandom(3);
        for (int trial = 0; trial < 2000; trial++) {
            int cols = 1 + rng.nextInt(13);
            double[] z = new double[cols + 2];
            for (int i = 0; i < z.length; i++) {
                z[i] = rng.nextInt(4) == 0 ? specials[rng.nextInt(specials.length)] : rng.nextGaussian();
            }
            double expected = z[1];
            for (int j = 1; j < cols; j++) {
                expected = Math.max(expected, z[1 + j]);
            }
            assertThat(Double.doubleToRawLongBits(LossKernels.rowMax(z, 1, cols)))
                    .as("row %s", java.util.Arrays.toString(z)).isEqualTo(Double.doubleToRawLongBits(expected));
        }
    }

    @Test
    void softmaxLossMatchesDefinitionAtModerateLogits() {
        double[] z = {0.3, -1.2, 2.0};
        double[] t = {0, 0, 1};
        double expected = -Math.log(Math.exp(2.0) / (Math.exp(0.3) + Math.exp(-1.2) + Math.exp(2.0)));
        double loss = LossKernels.forward(Loss.SOFTMAX_CROSS_ENTROPY, MATH, z, new double[3], t, 1, 3);
        assertThat(loss).isCloseTo(expected, within(1e-12));
    }

    @Test
    void sigmoidBinaryCrossEntropyIsFiniteAndExactAtHugeLogits() {
        double[] z = {1e4, 1e4, -1e4, -1e4};
        double[] t = {1, 0, 0, 1};
        double[] p = new double[4];
        double sum = LossKernels.forward(Loss.SIGMOID_BINARY_CROSS_ENTROPY, MATH, z, p, t, 4, 1);
        assertThat(sum).isFinite().isCloseTo(0 + 1e4 + 0 + 1e4, within(1e-9));
        assertThat(p).containsExactly(1, 1, 0, 0);
    }

    @Test
    void sigmoidLossMatchesDefinitionAtModerateLogits() {
        double z = 0.7;
        double s = 1 / (1 + Math.exp(-z));
        double loss = LossKernels.forward(Loss.SIGMOID_BINARY_CROSS_ENTROPY, MATH, new double[] {z, z}, new double[2],
                new double[] {1, 0}, 2, 1);
        assertThat(loss).isCloseTo(-Math.log(s) - Math.log(1 - s), within(1e-12));
    }

    @Test
    void mseAveragesOverExamplesAndOutputs() {
        double[] y = {1, 2, 3, 4};
        double[] t = {0, 2, 3, 6};
        double sum = LossKernels.forward(Loss.MSE, MATH, y, new double[4], t, 2, 2);
        assertThat(sum / 2).isCloseTo((1 + 0 + 0 + 4) / 4.0, within(1e-15));
    }

    @Test
    void initialSoftmaxLossIsNearLogOfClassCountWithSmallRandomInit() {
        int classes = 10;
        Network net = Network.create(Fixtures.net(20, List.of(32), classes, Activation.RELU,
                Initializer.SMALL_RANDOM, false, Loss.SOFTMAX_CROSS_ENTROPY), new EjmlGemm(), new SplittableRandom(5));
        TrainingData data = TrainingData.classification(Fixtures.gaussian(300, 20, 1.0, 6),
                Fixtures.labels(300, classes, 7), classes);
        assertThat(net.evaluate(data).loss()).isCloseTo(Math.log(classes), within(0.05));
    }
}
