package dev.hypersearch.data.ingest;

import dev.hypersearch.data.Dataset;
import dev.hypersearch.data.table.Column;
import dev.hypersearch.data.table.NumericColumn;
import dev.hypersearch.data.table.Table;
import dev.hypersearch.data.table.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Between {@link Table} and the engine's numeric {@link Dataset}: a table whose features are all numbers without
 * missing values is the Dataset the numeric reader built from the same file (same feature order, values and class
 * order), so it trains as before without preprocessing; built-in sets become all-numeric tables.
 */
public final class NumericTables {

    private NumericTables() {
    }

    /** The Dataset of an all-numeric, complete table; empty when the table needs preprocessing. */
    public static Optional<Dataset> toDataset(Table table) {
        List<NumericColumn> columns = new ArrayList<>();
        for (Column c : table.features()) {
            if (!(c instanceof NumericColumn n) || n.missingCount() > 0) {
                return Optional.empty();
            }
            columns.add(n);
        }
        int rows = table.rows();
        double[][] x = new double[rows][columns.size()];
        for (int j = 0; j < columns.size(); j++) {
            double[] values = columns.get(j).values();
            for (int i = 0; i < rows; i++) {
                x[i][j] = values[i];
            }
        }
        List<String> names = columns.stream().map(Column::name).toList();
        if (table.target() instanceof Target.Classes c) {
            return Optional.of(Dataset.classification(table.name(), names, x, c.name(), c.labels(), c.classes()));
        }
        Target.Values v = (Target.Values) table.target();
        return Optional.of(Dataset.regression(table.name(), names, x, v.name(), v.values()));
    }
}
