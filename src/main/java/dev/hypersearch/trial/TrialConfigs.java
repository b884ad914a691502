package dev.hypersearch.trial;

import dev.hypersearch.nn.Activation;
import dev.hypersearch.nn.Initializer;
import dev.hypersearch.nn.Loss;
import dev.hypersearch.nn.NetworkConfig;
import dev.hypersearch.nn.OptimizerConfig;
import dev.hypersearch.nn.TrainingConfig;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Turns one trial's parameters (the search catalogue's names, every one present: the spec fills in
 * defaults) into the engine's network and training configuration.
 */
public final class TrialConfigs {

    private TrialConfigs() {
    }

    public static NetworkConfig network(Map<String, Object> p, PreparedData data) {
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
        List<Integer> hidden = Collections.nCopies(integer(p, "hiddenLayers"), integer(p, "hiddenUnits"));
        return new NetworkConfig(data.numFeatures(), hidden, outputs, Activation.parse(string(p, "activation")),
                number(p, "leakySlope"), number(p, "eluAlpha"), Initializer.parse(string(p, "init")),
                bool(p, "batchNorm"), loss);
    }

    public static TrainingConfig training(Map<String, Object> p, long searchSeed, int trialNumber,
                                          int earlyStoppingPatience) {
        double lr = number(p, "learningRate");
        OptimizerConfig optimizer = switch (string(p, "optimizer")) {
            case "sgd" -> OptimizerConfig.sgd(lr);
            case "momentum" -> OptimizerConfig.momentum(lr, number(p, "momentum"));
            case "adam" -> new OptimizerConfig(OptimizerConfig.Kind.ADAM, lr, number(p, "momentum"),
                    number(p, "beta1"), number(p, "beta2"), 1e-8);
            default -> throw new IllegalArgumentException("unknown optimizer " + p.get("optimizer"));
        };
        return new TrainingConfig(integer(p, "epochs"), integer(p, "batchSize"), optimizer, number(p, "l2"),
                trialSeed(searchSeed, trialNumber), earlyStoppingPatience);
    }

    /** Each trial's initialization and shuffling seed: a function of (search seed, trial number) only. */
    public static long trialSeed(long searchSeed, int trialNumber) {
        return new SplittableRandom(searchSeed ^ (0x9E3779B97F4A7C15L * (trialNumber + 1L))).nextLong();
    }

    private static Object required(Map<String, Object> p, String name) {
        Object v = p.get(name);
        if (v == null) {
            throw new IllegalArgumentException("trial parameter '" + name + "' is missing");
        }
        return v;
    }

    static double number(Map<String, Object> p, String name) {
        return ((Number) required(p, name)).doubleValue();
    }

    static int integer(Map<String, Object> p, String name) {
        return Math.toIntExact(((Number) required(p, name)).longValue());
    }

    static String string(Map<String, Object> p, String name) {
        return required(p, name).toString();
    }

    static boolean bool(Map<String, Object> p, String name) {
        Object v = required(p, name);
        return v instanceof Boolean b ? b : Boolean.parseBoolean(v.toString());
    }
}
