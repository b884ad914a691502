package dev.hypersearch.data.table;

import dev.hypersearch.data.Task;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * An uploaded table after parsing and profiling: its feature columns (those whose role is
 * {@link ColumnRole#FEATURE}, typed) and its label, all of the same length. Ignored columns are not here.
 */
public record Table(String name, List<Column> features, Target target) {

    public Table {
        Objects.requireNonNull(name, "name");
        features = List.copyOf(features);
        Objects.requireNonNull(target, "target");
        if (features.isEmpty()) {
            throw new IllegalArgumentException("table " + name + " has no feature column");
        }
        HashSet<String> names = new HashSet<>();
        for (Column c : features) {
            if (c.size() != target.size()) {
                throw new IllegalArgumentException("column " + c.name() + " has " + c.size() + " rows, the label "
                        + target.size());
            }
            if (!names.add(c.name()) || c.name().equals(target.name())) {
                throw new IllegalArgumentException("column name " + c.name() + " is used twice");
            }
        }
    }

    public int rows() {
        return target.size();
    }

    public Task task() {
        return target instanceof Target.Classes ? Task.CLASSIFICATION : Task.REGRESSION;
    }
}
