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
import static dev.hypersearch.search.MlpParameters.PRECISION;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One trial's parameter values, one component per {@link MlpParameters catalogue} parameter in canonical order,
 * from the strategy that draws them to the engine's configuration. Its JSON form (every component by name) is
 * what the store keeps and the API shows. The enums' constants are spelt as the catalogue spells the values
 * ("leaky_relu"), so any JSON mapper reads and writes them by name, without configuration.
 *
 * <p>A parameter that does not apply ({@link MlpParameters#isActive}: momentum without the momentum optimizer,
 * {@code units3} with two hidden layers...) is null, whatever the caller passed: the constructor drops it, so
 * a trial never records a value it did not use (rows stored before conditions existed read back the same way);
 * one that applies but is missing takes its catalogue default.
 * {@code unitsL} is also null when layer L takes {@code hiddenUnits}; {@link #hiddenWidths} resolves that.
 * A null {@code precision} (a row stored before the parameter existed) reads as
 * {@link MlpParameters#LEGACY_PRECISION float64}, what such a row trained at, not as today's default.
 */
public record TrialParams(double learningRate, int epochs, int hiddenLayers, int hiddenUnits,
                          Integer units1, Integer units2, Integer units3, Integer units4, Integer units5, Integer units6,
                          Integer units7, Integer units8, Integer units9, Integer units10, Integer units11, Integer units12,
                          Integer units13, Integer units14, Integer units15, Integer units16,
                          Activation activation, Double leakySlope, Double eluAlpha, Init init, boolean batchNorm,
                          Optimizer optimizer, Double momentum, Double beta1, Double beta2, int batchSize, double l2,
                          Precision precision) {

    /** Hidden-layer activation. */
    public enum Activation { sigmoid, tanh, relu, leaky_relu, prelu, elu, linear }

    /** Weight initializer. */
    public enum Init { zeros, small_random, xavier, he, glorot_uniform }

    /** Update rule. */
    public enum Optimizer { sgd, momentum, adam }

    /** Arithmetic of the matrix products. */
    public enum Precision { float32, float64 }

    public TrialParams {
        Objects.requireNonNull(activation, ACTIVATION);
        Objects.requireNonNull(init, INIT);
        Objects.requireNonNull(optimizer, OPTIMIZER);
        if (precision == null) {
            precision = Precision.valueOf(MlpParameters.LEGACY_PRECISION);
        }
        // Which parameters apply is the catalogue's rule (MlpParameters' conditions), read on the deciding values.
        Map<String, Object> deciding = Map.of(ACTIVATION, activation.name(), OPTIMIZER, optimizer.name(),
                HIDDEN_LAYERS, hiddenLayers);
        units1 = activeWidth(units1, 1, deciding);
        units2 = activeWidth(units2, 2, deciding);
        units3 = activeWidth(units3, 3, deciding);
        units4 = activeWidth(units4, 4, deciding);
        units5 = activeWidth(units5, 5, deciding);
        units6 = activeWidth(units6, 6, deciding);
        units7 = activeWidth(units7, 7, deciding);
        units8 = activeWidth(units8, 8, deciding);
        units9 = activeWidth(units9, 9, deciding);
        units10 = activeWidth(units10, 10, deciding);
        units11 = activeWidth(units11, 11, deciding);
        units12 = activeWidth(units12, 12, deciding);
        units13 = activeWidth(units13, 13, deciding);
        units14 = activeWidth(units14, 14, deciding);
        units15 = activeWidth(units15, 15, deciding);
        units16 = activeWidth(units16, 16, deciding);
        leakySlope = applies(leakySlope, LEAKY_SLOPE, deciding);
        eluAlpha = applies(eluAlpha, ELU_ALPHA, deciding);
        momentum = applies(momentum, MOMENTUM, deciding);
        beta1 = applies(beta1, BETA1, deciding);
        beta2 = applies(beta2, BETA2, deciding);
    }

    /**
     * The parameters from checked values by catalogue name (a space's draw): numbers of any type, categories
     * by name. Every unconditional catalogue parameter must be there; a conditional one that applies defaults to
     * the catalogue's default (a layer width to hiddenUnits), and values of parameters that do not apply are dropped.
     */
    public static TrialParams of(Map<String, ?> values) {
        return new TrialParams(real(values, LEARNING_RATE), integer(values, EPOCHS), integer(values, HIDDEN_LAYERS),
                integer(values, HIDDEN_UNITS),
                units(values, 1), units(values, 2), units(values, 3), units(values, 4),
                units(values, 5), units(values, 6), units(values, 7), units(values, 8),
                units(values, 9), units(values, 10), units(values, 11), units(values, 12),
                units(values, 13), units(values, 14), units(values, 15), units(values, 16),
                Activation.valueOf(name(values, ACTIVATION)), optionalReal(values, LEAKY_SLOPE),
                optionalReal(values, ELU_ALPHA), Init.valueOf(name(values, INIT)), bool(values, BATCH_NORM),
                Optimizer.valueOf(name(values, OPTIMIZER)), optionalReal(values, MOMENTUM), optionalReal(values, BETA1),
                optionalReal(values, BETA2), integer(values, BATCH_SIZE), real(values, L2),
                Precision.valueOf(name(values, PRECISION)));
    }

    public TrialParams withEpochs(int epochs) {
        return with(EPOCHS, epochs);
    }

    public TrialParams withInit(Init init) {
        return with(INIT, init.name());
    }

    public TrialParams withL2(double l2) {
        return with(L2, l2);
    }

    private TrialParams with(String name, Object value) {
        Map<String, Object> m = new HashMap<>(values());
        m.put(name, value);
        return of(m);
    }

    /** Each hidden layer's width, input side first: its own {@code unitsL} when given, else {@code hiddenUnits}. */
    public List<Integer> hiddenWidths() {
        List<Integer> own = ownWidths();
        List<Integer> widths = new ArrayList<>(hiddenLayers);
        for (int l = 0; l < hiddenLayers; l++) {
            widths.add(own.get(l) != null ? own.get(l) : hiddenUnits);
        }
        return Collections.unmodifiableList(widths);
    }

    /**
     * The values by catalogue name, in canonical order, as a space holds them (Double, Integer, Boolean, and
     * String for categories), of the parameters that apply only (and of the layer widths given): for code that
     * works on every parameter alike, such as narrowing a space or measuring importance.
     */
    public Map<String, Object> values() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(LEARNING_RATE, learningRate);
        m.put(EPOCHS, epochs);
        m.put(HIDDEN_LAYERS, hiddenLayers);
        m.put(HIDDEN_UNITS, hiddenUnits);
        List<Integer> own = ownWidths();
        for (int l = 1; l <= own.size(); l++) {
            putPresent(m, MlpParameters.units(l), own.get(l - 1));
        }
        m.put(ACTIVATION, activation.name());
        putPresent(m, LEAKY_SLOPE, leakySlope);
        putPresent(m, ELU_ALPHA, eluAlpha);
        m.put(INIT, init.name());
        m.put(BATCH_NORM, batchNorm);
        m.put(OPTIMIZER, optimizer.name());
        putPresent(m, MOMENTUM, momentum);
        putPresent(m, BETA1, beta1);
        putPresent(m, BETA2, beta2);
        m.put(BATCH_SIZE, batchSize);
        m.put(L2, l2);
        m.put(PRECISION, precision.name());
        return Collections.unmodifiableMap(m);
    }

    /** units1 ... units16 in layer order, null where a layer has no width of its own. */
    private List<Integer> ownWidths() {
        return Arrays.asList(units1, units2, units3, units4, units5, units6, units7, units8,
                units9, units10, units11, units12, units13, units14, units15, units16);
    }

    private static void putPresent(Map<String, Object> m, String name, Object value) {
        if (value != null) {
            m.put(name, value);
        }
    }

    /**
     * A parameter that does not apply has no value; one that applies but was not given takes its catalogue
     * default, as a space's unset parameters do.
     */
    private static Double applies(Double value, String name, Map<String, Object> deciding) {
        if (!MlpParameters.isActive(name, deciding)) {
            return null;
        }
        return value != null ? value : MlpParameters.defaultReal(name);
    }

    /** Layer {@code layer}'s own width when that layer exists, else null. */
    private static Integer activeWidth(Integer width, int layer, Map<String, Object> deciding) {
        return MlpParameters.isActive(MlpParameters.units(layer), deciding) ? width : null;
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

    /** Null when absent: the constructor then insists on a value only if the parameter applies. */
    private static Double optionalReal(Map<String, ?> values, String name) {
        return values.get(name) == null ? null : real(values, name);
    }

    private static Integer units(Map<String, ?> values, int layer) {
        String name = MlpParameters.units(layer);
        return values.get(name) == null ? null : integer(values, name);
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
