package dev.hypersearch.data.table;

import java.time.LocalDate;
import java.util.Objects;

/** Calendar dates as days since 1970-01-01 ({@link LocalDate#toEpochDay()}), {@link #MISSING} where missing. */
public record DateColumn(String name, long[] epochDays) implements Column {

    public static final long MISSING = Long.MIN_VALUE;

    public DateColumn {
        Objects.requireNonNull(name, "name");
        epochDays = epochDays.clone();
    }

    @Override
    public long[] epochDays() {
        return epochDays.clone();
    }

    /** The date of one row; the row must not be missing. */
    public LocalDate date(int row) {
        if (isMissing(row)) {
            throw new IllegalStateException("row " + row + " of " + name + " is missing");
        }
        return LocalDate.ofEpochDay(epochDays[row]);
    }

    @Override
    public ColumnType type() {
        return ColumnType.DATE;
    }

    @Override
    public int size() {
        return epochDays.length;
    }

    @Override
    public boolean isMissing(int row) {
        return epochDays[row] == MISSING;
    }
}
