package dev.hypersearch.search;

import java.util.Objects;

/**
 * One numeric setting of a strategy or a pruner (coarseToFine.stages, asha.eta, ...): the values its parser
 * accepts, its default ({@code null}: required) and what it does. The parsers read their bounds and defaults
 * from here, so what {@code GET /api/parameters} documents is what a spec is checked against.
 */
public record Setting(String name, ParameterType type, Interval bounds, Number defaultValue, String description) {

    public Setting {
        Objects.requireNonNull(name);
        Objects.requireNonNull(bounds);
        Objects.requireNonNull(description);
        if (type != ParameterType.INT && type != ParameterType.FLOAT) {
            throw new IllegalArgumentException("settings are numbers, not " + type);
        }
    }

    static Setting ofInt(String name, int min, int max, Integer defaultValue, String description) {
        return new Setting(name, ParameterType.INT, Interval.closed(min, max), defaultValue, description);
    }

    static Setting ofFloat(String name, Interval bounds, Double defaultValue, String description) {
        return new Setting(name, ParameterType.FLOAT, bounds, defaultValue, description);
    }

    /** The lower bound of an int setting. */
    int min() {
        return (int) bounds.min();
    }

    /** The upper bound of an int setting. */
    int max() {
        return (int) bounds.max();
    }
}
