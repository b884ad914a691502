package dev.hypersearch.search;

/** What kind of value a parameter takes, and so which distributions make sense for it. */
public enum ParameterType {
    /** Real number; values are Doubles; {@code floatRange} allowed. */
    FLOAT,
    /** Integer; values are Integers; {@code intRange} allowed. */
    INT,
    /** One of a fixed set of names; values are Strings. */
    CATEGORICAL,
    /** true or false; values are Booleans. */
    BOOLEAN;

    /**
     * The canonical Java type for an already-checked value, so equal parameter sets compare equal
     * whatever produced them (an IntRange yields Longs, JSON may give 0 for a float).
     */
    Object canonical(Object value) {
        return switch (this) {
            case FLOAT -> ((Number) value).doubleValue();
            case INT -> Math.toIntExact(((Number) value).longValue());
            case CATEGORICAL, BOOLEAN -> value;
        };
    }
}
