package dev.hypersearch.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class ConfigTest {

    @Test
    void networkConfigNamesTheBadField() {
        assertThatThrownBy(() -> Fixtures.net(0, List.of(4), 3, Activation.RELU, Initializer.HE, false,
                Loss.SOFTMAX_CROSS_ENTROPY)).hasMessageContaining("inputSize");
        assertThatThrownBy(() -> Fixtures.net(2, List.of(4, 0), 3, Activation.RELU, Initializer.HE, false,
                Loss.SOFTMAX_CROSS_ENTROPY)).hasMessageContaining("hiddenUnits");
        assertThatThrownBy(() -> Fixtures.net(2, List.of(4), 0, Activation.RELU, Initializer.HE, false,
                Loss.MSE)).hasMessageContaining("outputSize");
        assertThatThrownBy(() -> Fixtures.net(2, List.of(4), 2, Activation.RELU, Initializer.HE, false,
                Loss.SIGMOID_BINARY_CROSS_ENTROPY)).hasMessageContaining("outputSize");
        assertThatThrownBy(() -> Fixtures.net(2, List.of(4), 2, null, Initializer.HE, false, Loss.MSE))
                .hasMessageContaining("activation");
        assertThatThrownBy(() -> new NetworkConfig(2, List.of(), 2, Activation.ELU, 0.01, -1, Initializer.HE,
                false, Loss.MSE)).hasMessageContaining("eluAlpha");
    }

    @Test
    void trainingAndOptimizerConfigsNameTheBadField() {
        OptimizerConfig adam = OptimizerConfig.adam(0.01);
        assertThatThrownBy(() -> new TrainingConfig(0, 8, adam, 0, 1, 0)).hasMessageContaining("epochs");
        assertThatThrownBy(() -> new TrainingConfig(1, 0, adam, 0, 1, 0)).hasMessageContaining("batchSize");
        assertThatThrownBy(() -> new TrainingConfig(1, 8, adam, -1, 1, 0)).hasMessageContaining("l2");
        assertThatThrownBy(() -> new TrainingConfig(1, 8, adam, 0, 1, -1))
                .hasMessageContaining("earlyStoppingPatience");
        assertThatThrownBy(() -> OptimizerConfig.sgd(0)).hasMessageContaining("learningRate");
        assertThatThrownBy(() -> OptimizerConfig.momentum(0.1, 1.0)).hasMessageContaining("momentum");
        assertThat(OptimizerConfig.adam(0.01)).extracting(OptimizerConfig::beta1, OptimizerConfig::beta2,
                OptimizerConfig::epsilon).containsExactly(0.9, 0.999, 1e-8);
        assertThat(OptimizerConfig.Kind.parse("adam")).isEqualTo(OptimizerConfig.Kind.ADAM);
    }

    @Test
    void classificationTargetsOneHotOrBinaryColumn() {
        DMatrixRMaj x = new DMatrixRMaj(3, 2);
        TrainingData three = TrainingData.classification(x, new int[] {2, 0, 1}, 3);
        assertThat(three.targets().data).containsExactly(0, 0, 1, 1, 0, 0, 0, 1, 0);
        TrainingData binary = TrainingData.classification(x, new int[] {1, 0, 1}, 2);
        assertThat(binary.targets().numCols).isEqualTo(1);
        assertThat(binary.targets().data).containsExactly(1, 0, 1);
        TrainingData softmaxBinary = TrainingData.classification(x, new int[] {1, 0, 1}, 2,
                Loss.SOFTMAX_CROSS_ENTROPY);
        assertThat(softmaxBinary.targets().data).containsExactly(0, 1, 1, 0, 0, 1);
        assertThat(three.size()).isEqualTo(3);
        assertThatThrownBy(() -> TrainingData.classification(x, new int[] {0, 3, 1}, 3))
                .hasMessageContaining("labels");
    }

    @Test
    void initializersHaveTheirVariance() {
        DMatrixRMaj w = new DMatrixRMaj(200, 300);
        assertThat(variance(w, Initializer.HE)).isCloseTo(2.0 / 200, org.assertj.core.data.Percentage.withPercentage(3));
        assertThat(variance(w, Initializer.XAVIER)).isCloseTo(1.0 / 200, org.assertj.core.data.Percentage.withPercentage(3));
        assertThat(variance(w, Initializer.SMALL_RANDOM)).isCloseTo(1e-4, org.assertj.core.data.Percentage.withPercentage(3));
        assertThat(variance(w, Initializer.ZEROS)).isZero();
    }

    @Test
    void glorotUniformDrawsWithinItsBoundWithKerasVariance() {
        DMatrixRMaj w = new DMatrixRMaj(200, 300);
        double bound = Math.sqrt(6.0 / (200 + 300));
        assertThat(Initializer.parse("glorot_uniform")).isEqualTo(Initializer.GLOROT_UNIFORM);
        assertThat(variance(w, Initializer.GLOROT_UNIFORM)).isCloseTo(2.0 / (200 + 300),
                org.assertj.core.data.Percentage.withPercentage(3));
        assertThat(java.util.Arrays.stream(w.data).map(Math::abs).max().orElseThrow()).isLessThan(bound);
        double mean = java.util.Arrays.stream(w.data).average().orElseThrow();
        assertThat(mean).isCloseTo(0.0, org.assertj.core.data.Offset.offset(0.01 * bound));
        assertThat(java.util.Arrays.stream(w.data).max().orElseThrow()).isGreaterThan(0.99 * bound);
    }

    private static double variance(DMatrixRMaj w, Initializer init) {
        init.fill(w, new SplittableRandom(9));
        double s = 0;
        for (double v : w.data) {
            s += v * v;
        }
        return s / w.data.length;
    }

    @Test
    void batchNormDropsHiddenBiasesAndPreluAddsSlopes() {
        Network net = Network.create(Fixtures.net(3, List.of(4), 2, Activation.PRELU, Initializer.HE, true,
                Loss.SOFTMAX_CROSS_ENTROPY), new EjmlGemm(), new SplittableRandom(1));
        assertThat(net.parameters()).extracting(Parameter::name).containsExactly("layer0.W", "layer0.gamma",
                "layer0.beta", "layer0.slope", "layer1.W", "layer1.b");
        assertThat(net.parameters()).filteredOn(Parameter::decayed).extracting(Parameter::name)
                .containsExactly("layer0.W", "layer1.W");
    }
}
