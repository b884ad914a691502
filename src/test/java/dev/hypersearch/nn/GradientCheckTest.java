package dev.hypersearch.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Central finite differences of the full objective (mean data loss + 0.5*l2*sum W^2) against the
 * analytic gradients of every parameter and of the input, in training mode.
 */
class GradientCheckTest {

    private static final double H = 1e-5;
    private static final double TOLERANCE = 1e-6;
    /** Pre-activations closer than this to a kink (0) would make finite differences invalid. */
    private static final double KINK_MARGIN = 1e-3;

    @ParameterizedTest
    @EnumSource(Activation.class)
    void everyActivationWithSoftmaxCrossEntropy(Activation f) {
        checkNetwork(f, false, Loss.SOFTMAX_CROSS_ENTROPY, 3, 0.0);
    }

    /**
     * The same checks with the Vector API's elementwise kernels (activations, their masks, bias, column sums, batch
     * norm, softmax): the passes the fast path trains with.
     */
    @ParameterizedTest
    @EnumSource(Activation.class)
    void vectorKernelsWithAndWithoutBatchNorm(Activation f) {
        checkNetwork(f, false, Loss.SOFTMAX_CROSS_ENTROPY, 3, 0.0, VECTOR_ACTIVATIONS);
        if (f != Activation.LINEAR) {
            // linear units between two batch norms: the next one cancels any shift, so beta's gradient is exactly 0
            checkNetwork(f, true, Loss.MSE, 2, 0.1, VECTOR_ACTIVATIONS);
        }
    }

    /** EJML's products with the vector kernels, so that only the elementwise kernels differ from the reference. */
    private static final Gemm VECTOR_ACTIVATIONS = new Gemm() {
        private final Gemm products = new EjmlGemm();

        @Override
        public void mult(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
            products.mult(a, b, c);
        }

        @Override
        public void multTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
            products.multTransA(a, b, c);
        }

        @Override
        public void multTransB(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
            products.multTransB(a, b, c);
        }

        @Override
        public Transcendentals transcendentals() {
            return VectorTranscendentals.INSTANCE;
        }

        @Override
        public String name() {
            return "ejml+vector activations";
        }
    };

    @Test
    void sigmoidBinaryCrossEntropy() {
        checkNetwork(Activation.TANH, false, Loss.SIGMOID_BINARY_CROSS_ENTROPY, 1, 0.0);
    }

    @Test
    void meanSquaredError() {
        checkNetwork(Activation.TANH, false, Loss.MSE, 2, 0.0);
    }

    @ParameterizedTest
    @EnumSource(value = Activation.class, names = {"TANH", "RELU", "PRELU", "SIGMOID"})
    void batchNormGammaBetaAndUpstream(Activation f) {
        checkNetwork(f, true, Loss.SOFTMAX_CROSS_ENTROPY, 3, 0.0);
    }

    @Test
    void l2OnWeightsOnly() {
        checkNetwork(Activation.ELU, false, Loss.SOFTMAX_CROSS_ENTROPY, 3, 0.3);
        checkNetwork(Activation.PRELU, true, Loss.MSE, 2, 0.3);
    }

    @Test
    void singleLayerNetwork() {
        // no hidden layer: the output layer is also the first, and dX still comes out right
        Network net = Network.create(Fixtures.net(4, List.of(), 3, Activation.RELU, Initializer.XAVIER, false,
                Loss.SOFTMAX_CROSS_ENTROPY), new EjmlGemm(), new SplittableRandom(1));
        DMatrixRMaj x = Fixtures.gaussian(5, 4, 1.0, 2);
        check(net, x, TrainingData.classification(x, Fixtures.labels(5, 3, 3), 3).targets(), 0.1);
    }

    /**
     * Builds a 2-hidden-layer net, moves every parameter off its initial value (so BN's gamma=1,
     * PReLU's equal slopes and zero biases are not special points), picks the first seed whose
     * pre-activations are all away from 0, and checks.
     */
    private static void checkNetwork(Activation f, boolean bn, Loss loss, int outputs, double l2) {
        checkNetwork(f, bn, loss, outputs, l2, new EjmlGemm());
    }

    private static void checkNetwork(Activation f, boolean bn, Loss loss, int outputs, double l2, Gemm gemm) {
        NetworkConfig config = new NetworkConfig(4, List.of(5, 3), outputs, f, 0.05, 0.8, Initializer.XAVIER, bn,
                loss);
        for (long seed = 1; seed < 200; seed++) {
            Network net = Network.create(config, gemm, new SplittableRandom(seed));
            SplittableRandom rng = new SplittableRandom(seed + 1000);
            for (Parameter p : net.parameters()) {
                for (int i = 0; i < p.value().data.length; i++) {
                    p.value().data[i] += 0.3 * rng.nextGaussian();
                }
            }
            DMatrixRMaj x = Fixtures.gaussian(6, 4, 1.0, seed + 2000);
            DMatrixRMaj t = targets(loss, 6, outputs, seed + 3000);
            net.forward(x, t, true);
            if (minAbsPreActivation(net, x.numRows) > KINK_MARGIN) {
                check(net, x, t, l2);
                return;
            }
        }
        throw new AssertionError("no seed kept pre-activations away from the kink");
    }

    private static void check(Network net, DMatrixRMaj x, DMatrixRMaj t, double l2) {
        net.forward(x, t, true);
        net.backward(t, l2, true);
        List<String> names = new ArrayList<>();
        List<double[]> analytic = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        for (Parameter p : net.parameters()) {
            names.add(p.name());
            analytic.add(p.gradient().data.clone());
            values.add(p.value().data);
        }
        names.add("input");
        analytic.add(net.inputGradient().data.clone());
        values.add(x.data);

        for (int k = 0; k < values.size(); k++) {
            double[] v = values.get(k);
            double[] numeric = new double[v.length];
            for (int i = 0; i < v.length; i++) {
                double saved = v[i];
                v[i] = saved + H;
                double plus = objective(net, x, t, l2);
                v[i] = saved - H;
                double minus = objective(net, x, t, l2);
                v[i] = saved;
                numeric[i] = (plus - minus) / (2 * H);
            }
            assertClose(names.get(k), analytic.get(k), numeric);
        }
    }

    private static double objective(Network net, DMatrixRMaj x, DMatrixRMaj t, double l2) {
        return net.forward(x, t, true) + net.l2Penalty(l2);
    }

    private static void assertClose(String name, double[] analytic, double[] numeric) {
        double diff = 0;
        double na = 0;
        double nn = 0;
        for (int i = 0; i < analytic.length; i++) {
            diff += sq(analytic[i] - numeric[i]);
            na += sq(analytic[i]);
            nn += sq(numeric[i]);
            // per element too, with an absolute floor for entries that are ~0 (e.g. dead ReLUs)
            assertThat(Math.abs(analytic[i] - numeric[i]))
                    .as("%s[%d]: analytic %s vs numeric %s", name, i, analytic[i], numeric[i])
                    .isLessThanOrEqualTo(TOLERANCE * Math.max(Math.abs(analytic[i]), Math.abs(numeric[i])) + 1e-9);
        }
        double relative = Math.sqrt(diff) / Math.max(Math.max(Math.sqrt(na), Math.sqrt(nn)), 1e-12);
        assertThat(relative).as("relative error of %s", name).isLessThan(TOLERANCE);
        assertThat(na).as("%s gradient is not trivially zero", name).isGreaterThan(0.0);
    }

    private static double minAbsPreActivation(Network net, int rows) {
        Workspace ws = net.workspace(rows);
        double min = Double.POSITIVE_INFINITY;
        for (int l = 0; l < net.layers.length - 1; l++) {
            for (double z : ws.z[l].data) {
                min = Math.min(min, Math.abs(z));
            }
        }
        return min;
    }

    private static DMatrixRMaj targets(Loss loss, int rows, int outputs, long seed) {
        return switch (loss) {
            case SOFTMAX_CROSS_ENTROPY -> TrainingData.classification(new DMatrixRMaj(rows, 1),
                    Fixtures.labels(rows, outputs, seed), outputs, loss).targets();
            case SIGMOID_BINARY_CROSS_ENTROPY -> TrainingData.classification(new DMatrixRMaj(rows, 1),
                    Fixtures.labels(rows, 2, seed), 2, loss).targets();
            case MSE -> Fixtures.gaussian(rows, outputs, 1.0, seed);
        };
    }

    private static double sq(double v) {
        return v * v;
    }
}
