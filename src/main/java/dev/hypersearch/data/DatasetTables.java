package dev.hypersearch.data;

import dev.hypersearch.data.table.Column;
import dev.hypersearch.data.table.NumericColumn;
import dev.hypersearch.data.table.Table;
import dev.hypersearch.data.table.Target;
import java.util.ArrayList;
import java.util.List;

/** A numeric {@link Dataset} (built-in, or an all-numeric upload) as a {@link Table} of complete numeric columns. */
public final class DatasetTables {

    private DatasetTables() {
    }

    public static Table of(Dataset d) {
        List<Column> columns = new ArrayList<>(d.numFeatures());
        for (int j = 0; j < d.numFeatures(); j++) {
            double[] values = new double[d.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = d.feature(i, j); // no row arrays: this runs inside a trial's memory estimate
            }
            columns.add(NumericColumn.of(d.featureNames().get(j), values));
        }
        Target target = d.isClassification()
                ? new Target.Classes(d.targetName(), d.labels(), d.classNames())
                : new Target.Values(d.targetName(), d.targets());
        return new Table(d.name(), columns, target);
    }
}
