package dev.hypersearch.data;

import dev.hypersearch.data.table.Table;
import dev.hypersearch.data.table.Target;
import java.util.List;

/**
 * How many rows a data set has, and for classification how many of each class: what checking a spec's folds
 * needs, known from an upload's profile without loading its columns.
 *
 * @param classes class names, empty for regression
 * @param counts  rows per class, in the order of {@code classes}
 */
public record LabelCounts(String dataset, int rows, List<String> classes, List<Integer> counts) {

    public LabelCounts {
        classes = List.copyOf(classes);
        counts = List.copyOf(counts);
        if (classes.size() != counts.size()) {
            throw new IllegalArgumentException(classes.size() + " classes but " + counts.size() + " counts");
        }
    }

    public boolean classification() {
        return !classes.isEmpty();
    }

    public static LabelCounts of(Table table) {
        return new LabelCounts(table.name(), table.rows(), classNames(table), classCounts(table));
    }

    /** The table's class names, empty for regression. */
    public static List<String> classNames(Table table) {
        return table.target() instanceof Target.Classes c ? c.classes() : List.of();
    }

    /** Rows per class in the order of {@link #classNames}, empty for regression. */
    public static List<Integer> classCounts(Table table) {
        if (!(table.target() instanceof Target.Classes c)) {
            return List.of();
        }
        Integer[] counts = new Integer[c.classes().size()];
        java.util.Arrays.fill(counts, 0);
        for (int row = 0; row < c.size(); row++) {
            counts[c.label(row)]++;
        }
        return List.of(counts);
    }
}
