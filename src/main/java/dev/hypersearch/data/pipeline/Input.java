package dev.hypersearch.data.pipeline;

import java.util.Objects;

/**
 * One numeric input of the network: which original column it comes from and what it is.
 *
 * @param level the category level for {@link InputKind#LEVEL}, else null
 */
public record Input(String column, InputKind kind, String level) {

    public Input {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(kind, "kind");
        if ((kind == InputKind.LEVEL) != (level != null)) {
            throw new IllegalArgumentException("a level names its category, and only a level does");
        }
    }

    static Input of(String column, InputKind kind) {
        return new Input(column, kind, null);
    }

    /** Readable form, e.g. {@code colour=red} or {@code signup:month_sin}. */
    @Override
    public String toString() {
        return kind == InputKind.LEVEL ? column + "=" + level : column + ":" + kind.name().toLowerCase();
    }
}
