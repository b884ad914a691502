package dev.hypersearch.data.table;

import java.util.Objects;

/**
 * Real values, {@code NaN} where missing. A {@link ColumnType#BOOLEAN} column is numeric too, with values 0 and 1.
 */
public record NumericColumn(String name, ColumnType type, double[] values) implements Column {

    public NumericColumn {
        Objects.requireNonNull(name, "name");
        if (type != ColumnType.NUMERIC && type != ColumnType.BOOLEAN) {
            throw new IllegalArgumentException("a numeric column is NUMERIC or BOOLEAN, not " + type);
        }
        values = values.clone();
        for (double v : values) {
            if (Double.isInfinite(v)) {
                throw new IllegalArgumentException("column " + name + " holds an infinite value");
            }
        }
    }

    public static NumericColumn of(String name, double[] values) {
        return new NumericColumn(name, ColumnType.NUMERIC, values);
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    /** The value of one row, NaN if missing. */
    public double value(int row) {
        return values[row];
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public boolean isMissing(int row) {
        return Double.isNaN(values[row]);
    }
}
