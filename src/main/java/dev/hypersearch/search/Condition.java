package dev.hypersearch.search;

import java.util.List;
import java.util.Objects;

/**
 * When a catalogue parameter has any effect: a condition on the value of another (earlier) parameter. An
 * inactive parameter is not sampled, does not multiply a grid, and is absent from a trial's parameters.
 */
public sealed interface Condition {

    /** The parameter whose value decides. */
    String parameter();

    /** Whether the condition holds for the deciding parameter's value (canonical form, see {@link ParameterType}). */
    boolean holds(Object value);

    /** The condition for people: "optimizer is momentum", "hiddenLayers >= 2". */
    String text();

    /** Holds when the parameter, a category, takes one of {@code values}. */
    record OneOf(String parameter, List<String> values) implements Condition {
        public OneOf {
            Objects.requireNonNull(parameter);
            values = List.copyOf(values);
        }

        @Override
        public boolean holds(Object value) {
            return value != null && values.contains(String.valueOf(value));
        }

        @Override
        public String text() {
            return parameter + " is " + String.join(" or ", values);
        }
    }

    /** Holds when the parameter, an integer, is at least {@code min}. */
    record AtLeast(String parameter, int min) implements Condition {
        public AtLeast {
            Objects.requireNonNull(parameter);
        }

        @Override
        public boolean holds(Object value) {
            return value instanceof Number n && n.longValue() >= min;
        }

        @Override
        public String text() {
            return parameter + " >= " + min;
        }
    }
}
