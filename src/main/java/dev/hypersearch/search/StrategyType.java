package dev.hypersearch.search;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The strategies a spec may name, with their JSON spelling. */
public enum StrategyType {
    GRID("grid"),
    RANDOM("random"),
    /** Random stages, each narrowed to the best trials of the one before (see {@link CoarseToFine}). */
    COARSE_TO_FINE("coarse-to-fine"),
    /** Random start-up trials, then each trial from a model of the finished ones (see {@link TpeSettings}). */
    TPE("tpe");

    private final String wireName;

    StrategyType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<StrategyType> fromWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }

    static List<String> wireNames() {
        return Arrays.stream(values()).map(StrategyType::wireName).toList();
    }
}
