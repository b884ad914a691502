package dev.hypersearch.trial;

import dev.hypersearch.nn.Activation;
import dev.hypersearch.nn.Initializer;
import dev.hypersearch.nn.Loss;
import dev.hypersearch.nn.NetworkConfig;
import dev.hypersearch.nn.OptimizerConfig;
import dev.hypersearch.nn.Precision;
import dev.hypersearch.nn.TrainingConfig;
import dev.hypersearch.search.MlpParameters;
import dev.hypersearch.search.TrialParams;
import java.util.SplittableRandom;

/** Turns one trial's parameters into the engine's network and training configuration. */
public final class TrialConfigs {

    private TrialConfigs() {
    }

    public static NetworkConfig network(TrialParams p, PreparedData data) {
        int outputs;
        Loss loss;
        if (!data.classification()) {
            outputs = 1;
            loss = Loss.MSE;
        } else if (data.numClasses() == 2) {
            outputs = 1;
            loss = Loss.SIGMOID_BINARY_CROSS_ENTROPY;
        } else {
            outputs = data.numClasses();
            loss = Loss.SOFTMAX_CROSS_ENTROPY;
        }
        // The engine ignores the slope and alpha of other activations; it only asks that they be valid.
        return new NetworkConfig(data.numFeatures(), p.hiddenWidths(), outputs, activation(p.activation()),
                orDefault(p.leakySlope(), MlpParameters.LEAKY_SLOPE), orDefault(p.eluAlpha(), MlpParameters.ELU_ALPHA),
                initializer(p.init()), p.batchNorm(), loss);
    }

    public static TrainingConfig training(TrialParams p, long searchSeed, int trialNumber, int earlyStoppingPatience) {
        double lr = p.learningRate();
        OptimizerConfig optimizer = switch (p.optimizer()) {
            case sgd -> OptimizerConfig.sgd(lr);
            case momentum -> OptimizerConfig.momentum(lr, p.momentum());
            case adam -> new OptimizerConfig(OptimizerConfig.Kind.ADAM, lr, 0.0, p.beta1(), p.beta2(),
                    OptimizerConfig.DEFAULT_EPSILON);
        };
        return new TrainingConfig(p.epochs(), p.batchSize(), optimizer, p.l2(), trialSeed(searchSeed, trialNumber),
                earlyStoppingPatience, precision(p));
    }

    /** The engine's precision of the trial's matrix products. */
    public static Precision precision(TrialParams p) {
        return switch (p.precision()) {
            case float32 -> Precision.FLOAT32;
            case float64 -> Precision.FLOAT64;
        };
    }

    /** The catalogue default of a parameter that does not apply (so is null in the trial's parameters). */
    private static double orDefault(Double value, String name) {
        return value != null ? value : MlpParameters.defaultReal(name);
    }

    /** Each trial's initialization and shuffling seed: a function of (search seed, trial number) only. */
    public static long trialSeed(long searchSeed, int trialNumber) {
        return new SplittableRandom(searchSeed ^ (0x9E3779B97F4A7C15L * (trialNumber + 1L))).nextLong();
    }

    /** The trial's categories are spelt as the engine's ids. */
    static Activation activation(TrialParams.Activation a) {
        return Activation.parse(a.name());
    }

    static Initializer initializer(TrialParams.Init i) {
        return Initializer.parse(i.name());
    }
}
