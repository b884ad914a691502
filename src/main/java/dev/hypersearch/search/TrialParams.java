package dev.hypersearch.search;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One trial's parameter values: an immutable map in canonical parameter order. Equality is by content,
 * so two strategies (or a stored copy) producing the same values compare equal.
 */
public final class TrialParams {

    private final Map<String, Object> values;

    private TrialParams(Map<String, Object> values) {
        this.values = values;
    }

    /** Copies {@code values} keeping its iteration order; no null names or values. */
    public static TrialParams of(Map<String, ?> values) {
        Map<String, Object> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "name"),
                Objects.requireNonNull(v, () -> "value of " + k)));
        return new TrialParams(Collections.unmodifiableMap(copy));
    }

    public Map<String, Object> asMap() {
        return values;
    }

    public Object get(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no parameter '" + name + "' in " + values.keySet());
        }
        return v;
    }

    public double getDouble(String name) {
        return as(name, Number.class).doubleValue();
    }

    /** The value as an int; fails if it is not integral or does not fit (never rounds). */
    public int getInt(String name) {
        Long x = Values.integral(get(name));
        if (x == null) {
            throw new IllegalStateException("parameter '" + name + "' is not an integer: " + get(name));
        }
        return Math.toIntExact(x);
    }

    public String getString(String name) {
        return as(name, String.class);
    }

    public boolean getBoolean(String name) {
        return as(name, Boolean.class);
    }

    private <T> T as(String name, Class<T> type) {
        Object v = get(name);
        if (!type.isInstance(v)) {
            throw new IllegalStateException("parameter '" + name + "' is a " + v.getClass().getSimpleName()
                    + ", not a " + type.getSimpleName() + ": " + v);
        }
        return type.cast(v);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrialParams other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
