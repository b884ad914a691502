package dev.hypersearch.nn;

import java.util.Locale;

/**
 * Which optimizer and its hyperparameters. Fields a kind does not use are ignored but still
 * validated, so a config is always safe to switch kind on.
 */
public record OptimizerConfig(Kind kind, double learningRate, double momentum, double beta1, double beta2,
        double epsilon) {

    public enum Kind {
        SGD, MOMENTUM, ADAM;

        public static Kind parse(String name) {
            String key = name == null ? "" : name.trim().toUpperCase(Locale.ROOT);
            for (Kind k : values()) {
                if (k.name().equals(key)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown optimizer '" + name + "'; allowed: sgd, momentum, adam");
        }
    }

    public static final double DEFAULT_MOMENTUM = 0.9;
    public static final double DEFAULT_BETA1 = 0.9;
    public static final double DEFAULT_BETA2 = 0.999;
    public static final double DEFAULT_EPSILON = 1e-8;

    public OptimizerConfig {
        if (kind == null) {
            throw new IllegalArgumentException("kind must not be null");
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learningRate must be finite and > 0, was " + learningRate);
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), was " + momentum);
        }
        if (!(beta1 >= 0 && beta1 < 1)) {
            throw new IllegalArgumentException("beta1 must be in [0, 1), was " + beta1);
        }
        if (!(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("beta2 must be in [0, 1), was " + beta2);
        }
        if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("epsilon must be finite and > 0, was " + epsilon);
        }
    }

    public static OptimizerConfig sgd(double learningRate) {
        return new OptimizerConfig(Kind.SGD, learningRate, 0.0, DEFAULT_BETA1, DEFAULT_BETA2, DEFAULT_EPSILON);
    }

    public static OptimizerConfig momentum(double learningRate, double momentum) {
        return new OptimizerConfig(Kind.MOMENTUM, learningRate, momentum, DEFAULT_BETA1, DEFAULT_BETA2,
                DEFAULT_EPSILON);
    }

    public static OptimizerConfig momentum(double learningRate) {
        return momentum(learningRate, DEFAULT_MOMENTUM);
    }

    public static OptimizerConfig adam(double learningRate) {
        return new OptimizerConfig(Kind.ADAM, learningRate, 0.0, DEFAULT_BETA1, DEFAULT_BETA2, DEFAULT_EPSILON);
    }
}
