package dev.hypersearch.trial;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hypersearch.data.BuiltinDatasets;
import dev.hypersearch.nn.Activation;
import dev.hypersearch.nn.Initializer;
import dev.hypersearch.nn.Loss;
import dev.hypersearch.nn.NetworkConfig;
import dev.hypersearch.nn.OptimizerConfig;
import dev.hypersearch.nn.Precision;
import dev.hypersearch.nn.TrainingConfig;
import dev.hypersearch.search.Space;
import dev.hypersearch.search.TrialParams;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrialConfigsTest {

    /** Every parameter at its default, but for {@code overrides}. */
    static TrialParams params(Map<String, Object> overrides) {
        Map<String, Object> p = new HashMap<>(Space.defaults().gridPoint(0).values());
        p.putAll(overrides);
        return TrialParams.of(p);
    }

    @Test
    void everyCatalogueParameterReachesTheEngine() {
        PreparedData iris = DataPreparation.holdout(BuiltinDatasets.load("iris"), 0.2, 1);
        Map<String, Object> overrides = new HashMap<>(Map.of("hiddenLayers", 3, "hiddenUnits", 17, "activation", "elu",
                "eluAlpha", 0.5, "init", "xavier", "batchNorm", true, "optimizer", "momentum", "momentum", 0.8,
                "learningRate", 0.05, "l2", 1e-3));
        overrides.put("epochs", 12);
        overrides.put("precision", "float64"); // not the default (float32), so the override must reach the engine
        overrides.put("batchSize", 9);
        TrialParams p = params(overrides);

        NetworkConfig net = TrialConfigs.network(p, iris);
        TrainingConfig training = TrialConfigs.training(p, 42, 3, 0);

        assertThat(net.inputSize()).isEqualTo(4);
        assertThat(net.hiddenUnits()).containsExactly(17, 17, 17);
        assertThat(net.outputSize()).isEqualTo(3);
        assertThat(net.activation()).isEqualTo(Activation.ELU);
        assertThat(net.eluAlpha()).isEqualTo(0.5);
        assertThat(net.initializer()).isEqualTo(Initializer.XAVIER);
        assertThat(net.batchNorm()).isTrue();
        assertThat(net.loss()).isEqualTo(Loss.SOFTMAX_CROSS_ENTROPY);
        assertThat(training.optimizer().kind()).isEqualTo(OptimizerConfig.Kind.MOMENTUM);
        assertThat(training.optimizer().momentum()).isEqualTo(0.8);
        assertThat(training.optimizer().learningRate()).isEqualTo(0.05);
        assertThat(training.l2()).isEqualTo(1e-3);
        assertThat(training.epochs()).isEqualTo(12);
        assertThat(training.batchSize()).isEqualTo(9);
        assertThat(training.precision()).isEqualTo(Precision.FLOAT64);
        assertThat(TrialConfigs.training(params(Map.of()), 42, 3, 0).precision()).isEqualTo(Precision.FLOAT32);
    }

    @Test
    void eachLayerTakesItsOwnWidthOrHiddenUnits() {
        PreparedData iris = DataPreparation.holdout(BuiltinDatasets.load("iris"), 0.2, 1);
        TrialParams p = params(Map.of("hiddenLayers", 3, "hiddenUnits", 17, "units1", 40, "units3", 5,
                "units4", 99));
        assertThat(TrialConfigs.network(p, iris).hiddenUnits()).containsExactly(40, 17, 5);
        assertThat(p.units4()).as("layer 4 does not exist").isNull();
        assertThat(TrialConfigs.network(params(Map.of("hiddenLayers", 0, "units1", 40)), iris).hiddenUnits())
                .isEmpty();
    }

    @Test
    void parametersOfAnotherOptimizerOrActivationDoNotReachTheEngine() {
        PreparedData iris = DataPreparation.holdout(BuiltinDatasets.load("iris"), 0.2, 1);
        TrialParams adam = params(Map.of("optimizer", "adam", "momentum", 0.5, "beta1", 0.8,
                "activation", "tanh", "leakySlope", 0.3));
        assertThat(adam.momentum()).isNull();
        assertThat(adam.leakySlope()).isNull();
        TrainingConfig training = TrialConfigs.training(adam, 1, 0, 0);
        assertThat(training.optimizer().kind()).isEqualTo(OptimizerConfig.Kind.ADAM);
        assertThat(training.optimizer().beta1()).isEqualTo(0.8);
        assertThat(TrialConfigs.network(adam, iris).activation()).isEqualTo(Activation.TANH);
    }

    @Test
    void lossFollowsTheTask() {
        PreparedData binary = DataPreparation.holdout(BuiltinDatasets.load("breast_cancer"), 0.2, 1);
        PreparedData regression = DataPreparation.holdout(BuiltinDatasets.load("regression"), 0.2, 1);
        assertThat(TrialConfigs.network(params(Map.of()), binary).loss()).isEqualTo(Loss.SIGMOID_BINARY_CROSS_ENTROPY);
        assertThat(TrialConfigs.network(params(Map.of()), regression).loss()).isEqualTo(Loss.MSE);
        assertThat(TrialConfigs.network(params(Map.of()), regression).outputSize()).isEqualTo(1);
    }

    @Test
    void trialSeedsDependOnlyOnSearchSeedAndTrialNumber() {
        assertThat(TrialConfigs.trialSeed(42, 5)).isEqualTo(TrialConfigs.trialSeed(42, 5));
        assertThat(TrialConfigs.trialSeed(42, 5)).isNotEqualTo(TrialConfigs.trialSeed(42, 6));
        assertThat(TrialConfigs.trialSeed(42, 5)).isNotEqualTo(TrialConfigs.trialSeed(43, 5));
    }

    @Test
    void everyCategoryMapsToTheEngine() {
        PreparedData iris = DataPreparation.holdout(BuiltinDatasets.load("iris"), 0.2, 1);
        for (TrialParams.Activation a : TrialParams.Activation.values()) {
            assertThat(TrialConfigs.network(params(Map.of("activation", a.name())), iris).activation())
                    .extracting(Activation::id).isEqualTo(a.name());
        }
        for (TrialParams.Init i : TrialParams.Init.values()) {
            assertThat(TrialConfigs.network(params(Map.of("init", i.name())), iris).initializer())
                    .extracting(Initializer::id).isEqualTo(i.name());
        }
        for (TrialParams.Optimizer o : TrialParams.Optimizer.values()) {
            assertThat(TrialConfigs.training(params(Map.of("optimizer", o.name())), 1, 0, 0).optimizer().kind().name())
                    .isEqualToIgnoringCase(o.name());
        }
    }

    @Test
    void theStandardizerIsFittedOnTheTrainingRowsOnly() {
        PreparedData wine = DataPreparation.holdout(BuiltinDatasets.load("wine"), 0.3, 2);
        double[] trainMeans = columnMeans(wine.train().features());
        double[] validationMeans = columnMeans(wine.validation().features());
        for (double m : trainMeans) {
            assertThat(m).isCloseTo(0.0, org.assertj.core.data.Offset.offset(1e-9));
        }
        assertThat(java.util.Arrays.stream(validationMeans).anyMatch(m -> Math.abs(m) > 1e-3)).isTrue();
    }

    static double[] columnMeans(org.ejml.data.DMatrixRMaj x) {
        double[] means = new double[x.numCols];
        for (int i = 0; i < x.numRows; i++) {
            for (int j = 0; j < x.numCols; j++) {
                means[j] += x.get(i, j) / x.numRows;
            }
        }
        return means;
    }
}
