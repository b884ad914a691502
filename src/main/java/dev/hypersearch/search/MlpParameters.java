package dev.hypersearch.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The catalogue of parameters a search may set for an MLP. Its order is the canonical parameter
 * order: spaces, grids and random draws follow it, so results never depend on JSON key order.
 * Appending a parameter keeps existing grids' numbering only if appended last with a fixed default.
 */
public final class MlpParameters {

    public static final String LEARNING_RATE = "learningRate";
    public static final String EPOCHS = "epochs";
    public static final String HIDDEN_LAYERS = "hiddenLayers";
    public static final String HIDDEN_UNITS = "hiddenUnits";
    public static final String ACTIVATION = "activation";
    public static final String LEAKY_SLOPE = "leakySlope";
    public static final String ELU_ALPHA = "eluAlpha";
    public static final String INIT = "init";
    public static final String BATCH_NORM = "batchNorm";
    public static final String OPTIMIZER = "optimizer";
    public static final String MOMENTUM = "momentum";
    public static final String BETA1 = "beta1";
    public static final String BETA2 = "beta2";
    public static final String BATCH_SIZE = "batchSize";
    public static final String L2 = "l2";

    private static final Interval UNIT_HALF_OPEN = new Interval(0, true, 1, false);

    private static final List<Parameter> ALL = List.of(
            Parameter.ofFloat(LEARNING_RATE, new Interval(0, false, 10, true), 0.01),
            Parameter.ofInt(EPOCHS, 1, 10_000, 20),
            Parameter.ofInt(HIDDEN_LAYERS, 0, 16, 1),
            Parameter.ofInt(HIDDEN_UNITS, 1, 4096, 64),
            Parameter.ofCategory(ACTIVATION,
                    List.of("sigmoid", "tanh", "relu", "leaky_relu", "prelu", "elu", "linear"),
                    Map.of("step", "its gradient is zero almost everywhere, so gradient descent cannot train it"),
                    "relu"),
            Parameter.ofFloat(LEAKY_SLOPE, UNIT_HALF_OPEN, 0.01),
            Parameter.ofFloat(ELU_ALPHA, new Interval(0, false, 10, true), 1.0),
            Parameter.ofCategory(INIT, List.of("zeros", "small_random", "xavier", "he"), Map.of(), "he"),
            Parameter.ofBoolean(BATCH_NORM, false),
            Parameter.ofCategory(OPTIMIZER, List.of("sgd", "momentum", "adam"), Map.of(), "adam"),
            Parameter.ofFloat(MOMENTUM, UNIT_HALF_OPEN, 0.9),
            Parameter.ofFloat(BETA1, UNIT_HALF_OPEN, 0.9),
            Parameter.ofFloat(BETA2, UNIT_HALF_OPEN, 0.999),
            Parameter.ofInt(BATCH_SIZE, 1, 100_000, 64),
            Parameter.ofFloat(L2, Interval.closed(0, 1), 0.0));

    private static final Map<String, Parameter> BY_NAME = index();
    private static final List<String> NAMES = List.copyOf(BY_NAME.keySet());

    private MlpParameters() {
    }

    /** Every parameter, in canonical order. */
    public static List<Parameter> all() {
        return ALL;
    }

    /** Parameter names, in canonical order. */
    public static List<String> names() {
        return NAMES;
    }

    public static Optional<Parameter> find(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    private static Map<String, Parameter> index() {
        Map<String, Parameter> m = new LinkedHashMap<>();
        for (Parameter p : ALL) {
            m.put(p.name(), p);
        }
        return m;
    }
}
