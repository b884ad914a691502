package dev.hypersearch.search;

import static dev.hypersearch.search.MlpParameters.ACTIVATION;
import static dev.hypersearch.search.MlpParameters.BATCH_NORM;
import static dev.hypersearch.search.MlpParameters.BATCH_SIZE;
import static dev.hypersearch.search.MlpParameters.BETA1;
import static dev.hypersearch.search.MlpParameters.BETA2;
import static dev.hypersearch.search.MlpParameters.ELU_ALPHA;
import static dev.hypersearch.search.MlpParameters.EPOCHS;
import static dev.hypersearch.search.MlpParameters.HIDDEN_LAYERS;
import static dev.hypersearch.search.MlpParameters.HIDDEN_UNITS;
import static dev.hypersearch.search.MlpParameters.INIT;
import static dev.hypersearch.search.MlpParameters.L2;
import static dev.hypersearch.search.MlpParameters.LEAKY_SLOPE;
import static dev.hypersearch.search.MlpParameters.LEARNING_RATE;
import static dev.hypersearch.search.MlpParameters.MOMENTUM;
import static dev.hypersearch.search.MlpParameters.OPTIMIZER;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One trial's parameter values, one component per {@link MlpParameters catalogue} parameter in canonical order,
 * from the strategy that draws them to the engine's configuration. Its JSON form (every component by name) is
 * what the store keeps and the API shows. The enums' constants are spelt as the catalogue spells the values
 * ("leaky_relu"), so any JSON mapper reads and writes them by name, without configuration.
 */
public record TrialParams(double learningRate, int epochs, int hiddenLayers, int hiddenUnits, Activation activation,
                          double leakySlope, double eluAlpha, Init init, boolean batchNorm, Optimizer optimizer,
                          double momentum, double beta1, double beta2, int batchSize, double l2) {

    /** Hidden-layer activation. */
    public enum Activation { sigmoid, tanh, relu, leaky_relu, prelu, elu, linear }

    /** Weight initializer. */
    public enum Init { zeros, small_random, xavier, he }

    /** Update rule. */
    public enum Optimizer { sgd, momentum, adam }

    public TrialParams {
        Objects.requireNonNull(activation, ACTIVATION);
        Objects.requireNonNull(init, INIT);
        Objects.requireNonNull(optimizer, OPTIMIZER);
    }

    /**
     * The parameters from checked values by catalogue name (a space's draw): numbers of any type, categories
     * by name. Every catalogue parameter must be there.
     */
    public static TrialParams of(Map<String, ?> values) {
        return new TrialParams(real(values, LEARNING_RATE), integer(values, EPOCHS), integer(values, HIDDEN_LAYERS),
                integer(values, HIDDEN_UNITS), Activation.valueOf(name(values, ACTIVATION)),
                real(values, LEAKY_SLOPE), real(values, ELU_ALPHA), Init.valueOf(name(values, INIT)),
                bool(values, BATCH_NORM), Optimizer.valueOf(name(values, OPTIMIZER)),
                real(values, MOMENTUM), real(values, BETA1), real(values, BETA2), integer(values, BATCH_SIZE),
                real(values, L2));
    }

    public TrialParams withEpochs(int epochs) {
        return new TrialParams(learningRate, epochs, hiddenLayers, hiddenUnits, activation, leakySlope, eluAlpha, init,
                batchNorm, optimizer, momentum, beta1, beta2, batchSize, l2);
    }

    public TrialParams withInit(Init init) {
        return new TrialParams(learningRate, epochs, hiddenLayers, hiddenUnits, activation, leakySlope, eluAlpha, init,
                batchNorm, optimizer, momentum, beta1, beta2, batchSize, l2);
    }

    public TrialParams withL2(double l2) {
        return new TrialParams(learningRate, epochs, hiddenLayers, hiddenUnits, activation, leakySlope, eluAlpha, init,
                batchNorm, optimizer, momentum, beta1, beta2, batchSize, l2);
    }

    /**
     * The values by catalogue name, in canonical order, as a space holds them (Double, Integer, Boolean, and
     * String for categories): for code that works on every parameter alike, such as narrowing a space.
     */
    public Map<String, Object> values() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(LEARNING_RATE, learningRate);
        m.put(EPOCHS, epochs);
        m.put(HIDDEN_LAYERS, hiddenLayers);
        m.put(HIDDEN_UNITS, hiddenUnits);
        m.put(ACTIVATION, activation.name());
        m.put(LEAKY_SLOPE, leakySlope);
        m.put(ELU_ALPHA, eluAlpha);
        m.put(INIT, init.name());
        m.put(BATCH_NORM, batchNorm);
        m.put(OPTIMIZER, optimizer.name());
        m.put(MOMENTUM, momentum);
        m.put(BETA1, beta1);
        m.put(BETA2, beta2);
        m.put(BATCH_SIZE, batchSize);
        m.put(L2, l2);
        return Collections.unmodifiableMap(m);
    }

    private static Object required(Map<String, ?> values, String name) {
        Object v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no parameter '" + name + "' in " + values.keySet());
        }
        return v;
    }

    private static boolean bool(Map<String, ?> values, String name) {
        if (!(required(values, name) instanceof Boolean b)) {
            throw new IllegalArgumentException("parameter '" + name + "' is not true or false: " + values.get(name));
        }
        return b;
    }

    private static double real(Map<String, ?> values, String name) {
        return ((Number) required(values, name)).doubleValue();
    }

    /** Never rounds: a non-integral or too large value is a bug upstream. */
    private static int integer(Map<String, ?> values, String name) {
        Long x = Values.integral(required(values, name));
        if (x == null) {
            throw new IllegalArgumentException("parameter '" + name + "' is not an integer: " + values.get(name));
        }
        return Math.toIntExact(x);
    }

    private static String name(Map<String, ?> values, String name) {
        if (!(required(values, name) instanceof String s)) {
            throw new IllegalArgumentException("parameter '" + name + "' is not a name: " + values.get(name));
        }
        return s;
    }
}
