package dev.hypersearch.data.ingest;

import dev.hypersearch.data.Task;
import java.util.List;

/**
 * An upload's profile: every column of the file in order, the rows kept and those dropped because their label was
 * missing, the task, and the class names (empty for regression).
 *
 * @param delimiter the separator found: "comma", "semicolon" or "tab"
 */
public record DatasetProfile(List<ColumnProfile> columns, int rows, int droppedRows, Task task, String label,
                             List<String> classes, String delimiter, boolean gzip) {

    public DatasetProfile {
        columns = List.copyOf(columns);
        classes = List.copyOf(classes);
    }

    public long featureCount() {
        return columns.stream().filter(c -> c.role() == dev.hypersearch.data.table.ColumnRole.FEATURE).count();
    }
}
