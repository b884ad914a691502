package dev.hypersearch.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a search's space says about one catalogue parameter, for tables and charts: whether it varies, on
 * which kind of axis to plot it, and its value when it does not vary.
 *
 * @param categories a category axis's values as text, in the space's order; null for numeric axes
 * @param fixed      the single value of a parameter that does not vary; null when it varies
 */
public record SpaceParameter(String name, boolean varying, Axis axis, List<String> categories, Object fixed) {

    /** How to plot a parameter: linear, logarithmic, or as unordered categories. */
    public enum Axis {
        VALUE, LOG, CATEGORY;

        /** The API's name: "value", "log", "category". */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A numeric choice this many times wider than it is low is plotted on a log axis. */
    private static final double LOG_SPREAD = 100;

    /** One entry per catalogue parameter, in canonical order. */
    public static List<SpaceParameter> of(Space space) {
        List<SpaceParameter> out = new ArrayList<>();
        space.distributions().forEach((name, d) -> out.add(of(name, d)));
        return out;
    }

    private static SpaceParameter of(String name, Distribution d) {
        ParameterType type = MlpParameters.find(name).orElseThrow().type();
        boolean numeric = type == ParameterType.FLOAT || type == ParameterType.INT;
        Axis plain = numeric ? Axis.VALUE : Axis.CATEGORY;
        if (d instanceof Distribution.Choice c) {
            return choice(name, c.values(), numeric);
        }
        if (d instanceof Distribution.FloatRange r) {
            boolean varying = r.min() != r.max();
            return new SpaceParameter(name, varying, r.log() ? Axis.LOG : Axis.VALUE, null, varying ? null : r.min());
        }
        if (d instanceof Distribution.IntRange r) {
            boolean varying = r.min() != r.max();
            return new SpaceParameter(name, varying, Axis.VALUE, null, varying ? null : r.min());
        }
        return new SpaceParameter(name, false, plain, null, ((Distribution.Fixed) d).value());
    }

    private static SpaceParameter choice(String name, List<Object> values, boolean numeric) {
        Axis axis = Axis.CATEGORY;
        if (numeric) {
            double min = values.stream().mapToDouble(v -> ((Number) v).doubleValue()).min().orElseThrow();
            double max = values.stream().mapToDouble(v -> ((Number) v).doubleValue()).max().orElseThrow();
            axis = min > 0 && max / min >= LOG_SPREAD ? Axis.LOG : Axis.VALUE;
        }
        List<String> categories = axis == Axis.CATEGORY ? values.stream().map(String::valueOf).toList() : null;
        boolean varying = values.size() > 1;
        return new SpaceParameter(name, varying, axis, categories, varying ? null : values.get(0));
    }
}
