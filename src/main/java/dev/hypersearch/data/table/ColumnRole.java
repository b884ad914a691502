package dev.hypersearch.data.table;

/** What a column is used for. */
public enum ColumnRole {
    FEATURE,
    LABEL,
    IGNORED
}
