package dev.hypersearch.model;

import java.util.Map;

/** One row to predict: the original columns by name; a column absent (or JSON null) is a missing value. */
public record RawRow(Map<String, RawValue> values) {

    /** Takes the map as given (predict builds one per row of up to 10,000; a copy each would double that). */
    public RawRow {
        values = java.util.Collections.unmodifiableMap(values);
    }

    /** The column's value, or null when it is missing. */
    public RawValue get(String column) {
        return values.get(column);
    }
}
