package dev.hypersearch.data.ingest;

import dev.hypersearch.data.LabelCounts;
import dev.hypersearch.data.Task;
import java.util.List;

/**
 * An upload's profile: every column of the file in order, the rows kept and those dropped because their label was
 * missing, the task, and the class names (empty for regression).
 *
 * @param delimiter   the separator found: "comma", "semicolon" or "tab"
 * @param classCounts rows per class in the order of {@code classes}; empty for regression, and in profiles stored
 *                    before it was recorded
 */
public record DatasetProfile(List<ColumnProfile> columns, int rows, int droppedRows, Task task, String label,
                             List<String> classes, String delimiter, boolean gzip, List<Integer> classCounts) {

    public DatasetProfile {
        columns = List.copyOf(columns);
        classes = List.copyOf(classes);
        classCounts = classCounts == null ? List.of() : List.copyOf(classCounts);
    }

    /** The label's counts, when this profile recorded them. */
    public java.util.Optional<LabelCounts> labelCounts(String dataset) {
        return classCounts.size() == classes.size()
                ? java.util.Optional.of(new LabelCounts(dataset, rows, classes, classCounts))
                : java.util.Optional.empty();
    }

    public long featureCount() {
        return columns.stream().filter(c -> c.role() == dev.hypersearch.data.table.ColumnRole.FEATURE).count();
    }
}
