package dev.hypersearch.data.table;

/** What a column's values are, as inferred at upload or set by the user. */
public enum ColumnType {
    NUMERIC,
    CATEGORICAL,
    BOOLEAN,
    DATE,
    /** Free text: not a feature unless the user makes it categorical. */
    TEXT
}
