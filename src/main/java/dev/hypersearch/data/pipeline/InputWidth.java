package dev.hypersearch.data.pipeline;

import dev.hypersearch.data.table.CategoricalColumn;
import dev.hypersearch.data.table.Column;
import dev.hypersearch.data.table.ColumnType;
import dev.hypersearch.data.table.Table;

/**
 * The network's input width before any pipeline is fitted, from a column profile: what sizing a search (memory
 * estimate) needs at submission. An upper bound of the fitted width: a training split may lack some levels or
 * missing values the whole table has.
 */
public final class InputWidth {

    private InputWidth() {
    }

    /**
     * Inputs one feature column becomes: numeric or boolean 1, date 7 (year and three sin/cos pairs), plus a
     * missing indicator where the column has missing values; categorical its levels up to the limit, plus the
     * "missing" and "other" inputs.
     */
    public static int of(ColumnType type, int distinctLevels, boolean hasMissing, int levelLimit) {
        int indicator = hasMissing ? 1 : 0;
        return switch (type) {
            case NUMERIC, BOOLEAN -> 1 + indicator;
            case DATE -> 7 + indicator;
            case CATEGORICAL -> Math.min(distinctLevels, levelLimit) + 2;
            case TEXT -> throw new IllegalArgumentException("free text is not a feature");
        };
    }

    /** The sum over a table's feature columns. */
    public static int of(Table table, int levelLimit) {
        int width = 0;
        for (Column c : table.features()) {
            int levels = c instanceof CategoricalColumn cat ? cat.levels().size() : 0;
            width += of(c.type(), levels, c.missingCount() > 0, levelLimit);
        }
        return width;
    }
}
