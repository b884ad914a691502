package dev.hypersearch.api;

import dev.hypersearch.data.Dataset;
import dev.hypersearch.data.Task;
import jakarta.annotation.Nullable;
import java.util.Locale;

/**
 * A data set a search may name. {@code classes} is null for regression; {@code owner}, the name of the token that
 * uploaded it, is null for built-in sets (and uploads made with security off).
 */
public record DatasetInfo(String name, boolean builtin, String task, int rows, int features, @Nullable Integer classes,
                          @Nullable String owner) {

    static DatasetInfo builtin(Dataset d) {
        return new DatasetInfo(d.name(), true, wire(d.task()), d.size(), d.numFeatures(),
                d.isClassification() ? d.numClasses() : null, null);
    }

    static DatasetInfo uploaded(DatasetListing.Row r) {
        return new DatasetInfo(r.getName(), false, wire(Task.valueOf(r.getTask())), r.getRowCount(),
                r.getFeatureCount(), r.getClassCount(), r.getOwner());
    }

    static String wire(Task task) {
        return task.name().toLowerCase(Locale.ROOT);
    }
}
