package dev.hypersearch.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The catalogue of parameters a search may set for an MLP. Its order is the canonical parameter
 * order: spaces, grids and random draws follow it, so results never depend on JSON key order.
 * Appending a parameter keeps existing grids' numbering only if appended last with a fixed default; an optional
 * parameter (no default, such as {@code units2}) may go anywhere, as a space holds it only when a spec gives it.
 * A conditional parameter comes after the parameter its condition reads, so a draw in canonical order always
 * knows whether the next parameter is active.
 */
public final class MlpParameters {

    public static final String LEARNING_RATE = "learningRate";
    public static final String EPOCHS = "epochs";
    public static final String HIDDEN_LAYERS = "hiddenLayers";
    public static final String HIDDEN_UNITS = "hiddenUnits";
    /** Hidden layers at most; {@code units1} .. {@code units16} are the layers' own widths. */
    public static final int MAX_LAYERS = 16;
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
    public static final String PRECISION = "precision";
    /**
     * The precision of a stored search or trial that names none: float64 was the default until float32 became it,
     * and before the parameter existed every product was float64. Submissions store their precision explicitly
     * ({@link StoredSpace}), so only those older rows lack it, and they must go on training as they started.
     */
    public static final String LEGACY_PRECISION = "float64";

    private static final Interval UNIT_HALF_OPEN = new Interval(0, true, 1, false);

    private static final List<Parameter> ALL = catalogue();

    private static List<Parameter> catalogue() {
        List<Parameter> all = new ArrayList<>(List.of(
            Parameter.ofFloat(LEARNING_RATE, new Interval(0, false, 10, true), 0.01,
                    "Step size of the optimizer's updates").logScaled(),
            Parameter.ofInt(EPOCHS, 1, 10_000, 20, "Passes over the training set (the trial's budget)"),
            Parameter.ofInt(HIDDEN_LAYERS, 0, MAX_LAYERS, 1, "Hidden layers between input and output; 0 is a linear model"),
            Parameter.ofInt(HIDDEN_UNITS, 1, 4096, 64, "Units in each hidden layer without a width of its own"
                    + " (unitsL)").logScaled()));
        for (int layer = 1; layer <= MAX_LAYERS; layer++) {
            all.add(Parameter.ofInt(units(layer), 1, 4096, null, "Units in hidden layer " + layer
                    + " (default: hiddenUnits)").logScaled().onlyWhenAtLeast(HIDDEN_LAYERS, layer));
        }
        all.addAll(List.of(
            Parameter.ofCategory(ACTIVATION,
                    List.of("sigmoid", "tanh", "relu", "leaky_relu", "prelu", "elu", "linear"),
                    Map.of("step", "its gradient is zero almost everywhere, so gradient descent cannot train it"),
                    "relu", "Activation function of the hidden layers"),
            Parameter.ofFloat(LEAKY_SLOPE, UNIT_HALF_OPEN, 0.01, "Slope of leaky_relu for negative inputs")
                    .onlyWhen(ACTIVATION, "leaky_relu"),
            Parameter.ofFloat(ELU_ALPHA, new Interval(0, false, 10, true), 1.0, "Saturation value (alpha) of elu")
                    .onlyWhen(ACTIVATION, "elu"),
            Parameter.ofCategory(INIT, List.of("zeros", "small_random", "xavier", "he", "glorot_uniform"), Map.of(),
                    "he", "Weight initialization"),
            Parameter.ofBoolean(BATCH_NORM, false, "Batch normalization after each hidden layer"),
            Parameter.ofCategory(OPTIMIZER, List.of("sgd", "momentum", "adam"), Map.of(), "adam",
                    "Gradient descent variant"),
            Parameter.ofFloat(MOMENTUM, UNIT_HALF_OPEN, 0.9, "Momentum coefficient")
                    .onlyWhen(OPTIMIZER, "momentum"),
            Parameter.ofFloat(BETA1, UNIT_HALF_OPEN, 0.9, "Adam's decay rate of the first moment")
                    .onlyWhen(OPTIMIZER, "adam"),
            Parameter.ofFloat(BETA2, UNIT_HALF_OPEN, 0.999, "Adam's decay rate of the second moment")
                    .onlyWhen(OPTIMIZER, "adam"),
            Parameter.ofInt(BATCH_SIZE, 1, 100_000, 64, "Examples per mini-batch").logScaled(),
            Parameter.ofFloat(L2, Interval.closed(0, 1), 0.0, "L2 weight decay coefficient").logScaled(),
            Parameter.ofCategory(PRECISION, List.of("float32", "float64"), Map.of(), "float32",
                    "Arithmetic of the matrix products: float32 (mixed precision: products and Adam's moments in"
                    + " float32, weights in float64) or float64; searches stored without it keep float64")));
        return List.copyOf(all);
    }

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

    /** The name of hidden layer {@code layer}'s own width (1-based): "units1" .. "units16". */
    public static String units(int layer) {
        if (layer < 1 || layer > MAX_LAYERS) {
            throw new IllegalArgumentException("layer must be in [1, " + MAX_LAYERS + "], was " + layer);
        }
        return "units" + layer;
    }

    /** A real parameter's catalogue default. */
    public static double defaultReal(String name) {
        return ((Number) find(name).orElseThrow().defaultValue()).doubleValue();
    }

    /**
     * Whether parameter {@code name} has any effect given the other parameters' {@code values} (canonical form, by
     * name; a partial assignment will do as long as it holds the parameters conditions read): unconditional
     * parameters always; conditional ones when the parameter their condition reads is itself active, given, and
     * satisfies it.
     */
    public static boolean isActive(String name, Map<String, ?> values) {
        Condition c = find(name).orElseThrow(() -> new IllegalArgumentException("no parameter '" + name + "'"))
                .condition();
        return c == null || isActive(c.parameter(), values) && c.holds(values.get(c.parameter()));
    }

    private static Map<String, Parameter> index() {
        Map<String, Parameter> m = new LinkedHashMap<>();
        for (Parameter p : ALL) {
            if (p.condition() != null && !m.containsKey(p.condition().parameter())) {
                throw new IllegalStateException(p.name() + "'s condition reads a later or unknown parameter");
            }
            m.put(p.name(), p);
        }
        return m;
    }
}
