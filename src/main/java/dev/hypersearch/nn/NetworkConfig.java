package dev.hypersearch.nn;

import java.util.List;

/**
 * Architecture of a multi-layer perceptron: input width, hidden layer widths (may be empty:
 * then the net is a linear/logistic model), output width, and the per-hidden-layer choices.
 *
 * @param leakySlope slope of {@link Activation#LEAKY_RELU} for z < 0 (ignored otherwise)
 * @param eluAlpha   alpha of {@link Activation#ELU} (ignored otherwise)
 * @param batchNorm  batch normalization before every hidden activation; hidden biases are then
 *                   dropped (BN's beta replaces them). The output layer is never normalized.
 */
public record NetworkConfig(int inputSize, List<Integer> hiddenUnits, int outputSize, Activation activation,
        double leakySlope, double eluAlpha, Initializer initializer, boolean batchNorm, Loss loss) {

    public static final double DEFAULT_LEAKY_SLOPE = 0.01;
    public static final double DEFAULT_ELU_ALPHA = 1.0;

    public NetworkConfig {
        if (inputSize <= 0) {
            throw new IllegalArgumentException("inputSize must be > 0, was " + inputSize);
        }
        if (hiddenUnits == null) {
            throw new IllegalArgumentException("hiddenUnits must not be null (use an empty list for none)");
        }
        for (Integer h : hiddenUnits) {
            if (h == null || h <= 0) {
                throw new IllegalArgumentException("hiddenUnits must all be > 0, was " + hiddenUnits);
            }
        }
        hiddenUnits = List.copyOf(hiddenUnits);
        if (outputSize <= 0) {
            throw new IllegalArgumentException("outputSize must be > 0, was " + outputSize);
        }
        if (activation == null) {
            throw new IllegalArgumentException("activation must not be null");
        }
        if (!Double.isFinite(leakySlope) || leakySlope < 0) {
            throw new IllegalArgumentException("leakySlope must be finite and >= 0, was " + leakySlope);
        }
        if (!Double.isFinite(eluAlpha) || eluAlpha <= 0) {
            throw new IllegalArgumentException("eluAlpha must be finite and > 0, was " + eluAlpha);
        }
        if (initializer == null) {
            throw new IllegalArgumentException("initializer must not be null");
        }
        if (loss == null) {
            throw new IllegalArgumentException("loss must not be null");
        }
        if (loss == Loss.SOFTMAX_CROSS_ENTROPY && outputSize < 2) {
            throw new IllegalArgumentException("outputSize must be >= 2 for softmax cross-entropy, was " + outputSize);
        }
        if (loss == Loss.SIGMOID_BINARY_CROSS_ENTROPY && outputSize != 1) {
            throw new IllegalArgumentException(
                    "outputSize must be 1 for sigmoid binary cross-entropy (2 classes as 0/1), was " + outputSize);
        }
    }
}
