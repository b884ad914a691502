package dev.hypersearch.data.ingest;

import dev.hypersearch.data.table.ColumnRole;
import dev.hypersearch.data.table.ColumnType;
import java.util.Objects;

/** The user's choice for one column at upload; a null type or role keeps the inferred one. */
public record ColumnOverride(String name, ColumnType type, ColumnRole role) {

    public ColumnOverride {
        Objects.requireNonNull(name, "name");
    }
}
