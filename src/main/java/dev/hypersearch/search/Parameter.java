package dev.hypersearch.search;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One parameter a search may set: its type, the values it accepts and its default. {@code bounds} is
 * null for categorical and boolean parameters; {@code allowed} is empty except for categorical ones;
 * {@code rejected} maps values that look plausible but are refused to the reason why. The rest documents
 * it for people and forms: {@code logScale} says a range over it is usually searched on a log scale;
 * {@code condition}, when not null, says under which values of another parameter it has any effect.
 * {@code defaultValue} is null for an optional parameter (a layer's own width): absent from a space unless given.
 */
public record Parameter(String name, ParameterType type, Interval bounds, List<String> allowed,
                        Map<String, String> rejected, Object defaultValue, String description, boolean logScale,
                        Condition condition) {

    public Parameter {
        Objects.requireNonNull(name);
        Objects.requireNonNull(type);
        allowed = List.copyOf(allowed);
        rejected = Map.copyOf(rejected);
        Objects.requireNonNull(description);
    }

    static Parameter ofFloat(String name, Interval bounds, double defaultValue, String description) {
        return new Parameter(name, ParameterType.FLOAT, bounds, List.of(), Map.of(), defaultValue, description, false,
                null);
    }

    static Parameter ofInt(String name, int min, int max, Integer defaultValue, String description) {
        return new Parameter(name, ParameterType.INT, Interval.closed(min, max), List.of(), Map.of(), defaultValue,
                description, false, null);
    }

    static Parameter ofCategory(String name, List<String> allowed, Map<String, String> rejected, String defaultValue,
                                String description) {
        return new Parameter(name, ParameterType.CATEGORICAL, null, allowed, rejected, defaultValue, description,
                false, null);
    }

    static Parameter ofBoolean(String name, boolean defaultValue, String description) {
        return new Parameter(name, ParameterType.BOOLEAN, null, List.of(), Map.of(), defaultValue, description,
                false, null);
    }

    /** This parameter, usually searched on a log scale. */
    Parameter logScaled() {
        return new Parameter(name, type, bounds, allowed, rejected, defaultValue, description, true, condition);
    }

    /** This parameter, having an effect only when {@code parameter} is one of {@code values}. */
    Parameter onlyWhen(String parameter, String... values) {
        return withCondition(new Condition.OneOf(parameter, List.of(values)));
    }

    /** This parameter, having an effect only when the integer {@code parameter} is at least {@code min}. */
    Parameter onlyWhenAtLeast(String parameter, int min) {
        return withCondition(new Condition.AtLeast(parameter, min));
    }

    private Parameter withCondition(Condition c) {
        return new Parameter(name, type, bounds, allowed, rejected, defaultValue, description, logScale, c);
    }

    /** An optional parameter has no default: a space holds it only when the spec gives it. */
    public boolean optional() {
        return defaultValue == null;
    }

    /**
     * Checks one raw value against this parameter's type and bounds. Returns it in canonical form
     * (see {@link ParameterType#canonical}), or null after recording an error at {@code field}.
     */
    Object check(Object raw, String field, Errors errors) {
        if (raw == null) {
            errors.add(field, "must not be null");
            return null;
        }
        return switch (type) {
            case FLOAT -> checkFloat(raw, field, errors);
            case INT -> checkInt(raw, field, errors);
            case CATEGORICAL -> checkCategory(raw, field, errors);
            case BOOLEAN -> checkBoolean(raw, field, errors);
        };
    }

    private Object checkFloat(Object raw, String field, Errors errors) {
        if (!(raw instanceof Number n)) {
            errors.add(field, "must be a number, was " + Values.describe(raw));
            return null;
        }
        double x = n.doubleValue();
        if (!Double.isFinite(x)) {
            errors.add(field, "must be a finite number, was " + Values.describe(raw));
            return null;
        }
        return inBounds(x, raw, field, errors) ? x : null;
    }

    private Object checkInt(Object raw, String field, Errors errors) {
        Long x = Values.integral(raw);
        if (x == null) {
            errors.add(field, "must be an integer, was " + Values.describe(raw));
            return null;
        }
        return inBounds(x, raw, field, errors) ? Math.toIntExact(x) : null;
    }

    private boolean inBounds(double x, Object raw, String field, Errors errors) {
        if (!bounds.contains(x)) {
            errors.add(field, "must be in " + bounds + ", was " + Values.describe(raw));
            return false;
        }
        return true;
    }

    private Object checkCategory(Object raw, String field, Errors errors) {
        if (!(raw instanceof String s)) {
            errors.add(field, "must be one of " + allowed + ", was " + Values.describe(raw));
            return null;
        }
        if (rejected.containsKey(s)) {
            errors.add(field, "'" + s + "' is not supported: " + rejected.get(s));
            return null;
        }
        if (!allowed.contains(s)) {
            errors.add(field, "unknown " + name + " '" + s + "'" + Suggestions.didYouMean(s, allowed)
                    + "; must be one of " + allowed);
            return null;
        }
        return s;
    }

    private Object checkBoolean(Object raw, String field, Errors errors) {
        if (!(raw instanceof Boolean)) {
            errors.add(field, "must be true or false, was " + Values.describe(raw));
            return null;
        }
        return raw;
    }
}
