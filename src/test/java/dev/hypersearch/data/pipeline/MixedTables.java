package dev.hypersearch.data.pipeline;

import dev.hypersearch.data.table.CategoricalColumn;
import dev.hypersearch.data.table.ColumnType;
import dev.hypersearch.data.table.DateColumn;
import dev.hypersearch.data.table.NumericColumn;
import dev.hypersearch.data.table.Table;
import dev.hypersearch.data.table.Target;
import java.time.LocalDate;
import java.util.List;

/** Small mixed-type tables written out by hand, the way an export looks after parsing. */
final class MixedTables {

    static final double NA = Double.NaN;
    static final long NO_DATE = DateColumn.MISSING;

    private MixedTables() {
    }

    static long day(int year, int month, int day) {
        return LocalDate.of(year, month, day).toEpochDay();
    }

    /**
     * Six rows: age (one missing), member (boolean, complete), colour (red x2, blue x2, green, one missing), joined
     * (one missing date), and a two-class label.
     */
    static Table sixRows() {
        return new Table("people", List.of(
                NumericColumn.of("age", new double[]{30, NA, 50, 20, 40, 60}),
                new NumericColumn("member", ColumnType.BOOLEAN, new double[]{1, 0, 1, 1, 0, 0}),
                new CategoricalColumn("colour", new int[]{0, 1, 0, 2, CategoricalColumn.MISSING, 1},
                        List.of("red", "blue", "green")),
                new DateColumn("joined", new long[]{day(2020, 1, 1), day(2021, 6, 15), NO_DATE, day(2022, 12, 31),
                        day(2020, 3, 1), day(2021, 7, 4)})),
                new Target.Classes("churn", new int[]{0, 1, 0, 1, 0, 1}, List.of("no", "yes")));
    }
}
