package dev.hypersearch.data.table;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/** Levels by code: row i has level {@code levels.get(codes[i])}, or code {@link #MISSING}. */
public record CategoricalColumn(String name, int[] codes, List<String> levels) implements Column {

    public static final int MISSING = -1;

    public CategoricalColumn {
        Objects.requireNonNull(name, "name");
        codes = codes.clone();
        levels = List.copyOf(levels);
        if (new HashSet<>(levels).size() != levels.size()) {
            throw new IllegalArgumentException("column " + name + " has repeated levels");
        }
        for (int c : codes) {
            if (c < MISSING || c >= levels.size()) {
                throw new IllegalArgumentException("column " + name + ": code " + c + " out of range");
            }
        }
    }

    @Override
    public int[] codes() {
        return codes.clone();
    }

    /** The level code of one row, {@link #MISSING} if missing. */
    public int code(int row) {
        return codes[row];
    }

    @Override
    public ColumnType type() {
        return ColumnType.CATEGORICAL;
    }

    @Override
    public int size() {
        return codes.length;
    }

    @Override
    public boolean isMissing(int row) {
        return codes[row] == MISSING;
    }
}
