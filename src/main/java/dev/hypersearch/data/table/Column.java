package dev.hypersearch.data.table;

/**
 * One feature column of a {@link Table}, values by row index. Columns are immutable and may be shared between
 * threads; accessors that return arrays return copies.
 */
public sealed interface Column permits NumericColumn, CategoricalColumn, DateColumn {

    String name();

    ColumnType type();

    /** Number of rows. */
    int size();

    boolean isMissing(int row);

    /** Rows whose value is missing. */
    default int missingCount() {
        int n = 0;
        for (int i = 0; i < size(); i++) {
            if (isMissing(i)) {
                n++;
            }
        }
        return n;
    }
}
