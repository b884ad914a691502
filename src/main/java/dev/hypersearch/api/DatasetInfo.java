package dev.hypersearch.api;

import dev.hypersearch.data.Dataset;
import dev.hypersearch.data.Task;
import dev.hypersearch.data.ingest.DatasetProfile;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.annotation.Nullable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A data set a search may name, with its column profile. {@code classes} (the class count) is null for regression;
 * {@code columns} is empty for uploads made before profiles were kept. {@code owner}, the name of the token that
 * uploaded it, is null for built-in sets (and uploads made with security off).
 */
public record DatasetInfo(String name, boolean builtin, String task, int rows,
                          @Schema(description = "feature columns as uploaded, before preprocessing") int features,
                          @Nullable Integer classes,
                          @Schema(description = "the label column's name") String label,
                          @Schema(description = "class names in label order; empty for regression") List<String> classNames,
                          @Schema(description = "rows left out because their label was missing") int droppedRows,
                          List<ColumnInfo> columns, @Nullable String owner) {

    static DatasetInfo builtin(Dataset d) {
        List<ColumnInfo> columns = new ArrayList<>();
        double[][] x = d.features();
        for (int j = 0; j < d.numFeatures(); j++) {
            Set<Double> distinct = new HashSet<>();
            Set<String> examples = new LinkedHashSet<>();
            for (double[] row : x) {
                distinct.add(row[j]);
                if (examples.size() < 3) {
                    examples.add(number(row[j]));
                }
            }
            columns.add(new ColumnInfo(d.featureNames().get(j), "numeric", "feature", null, 0, distinct.size(), false,
                    List.copyOf(examples), null));
        }
        List<String> classNames = d.isClassification() ? d.classNames() : List.of();
        columns.add(new ColumnInfo(d.targetName(), d.isClassification() ? "categorical" : "numeric", "label", null, 0,
                d.isClassification() ? d.numClasses() : (int) java.util.Arrays.stream(d.targets()).distinct().count(),
                false, d.isClassification() ? classNames.subList(0, Math.min(3, classNames.size())) : List.of(), null));
        return new DatasetInfo(d.name(), true, wire(d.task()), d.size(), d.numFeatures(),
                d.isClassification() ? d.numClasses() : null, d.targetName(), classNames, 0, columns, null);
    }

    static DatasetInfo uploaded(DatasetListing.Row r, @Nullable DatasetProfile profile) {
        return new DatasetInfo(r.getName(), false, wire(Task.valueOf(r.getTask())), r.getRowCount(),
                r.getFeatureCount(), r.getClassCount(), r.getLabelColumn(),
                profile == null ? List.of() : profile.classes(), profile == null ? 0 : profile.droppedRows(),
                profile == null ? List.of() : profile.columns().stream().map(ColumnInfo::of).toList(), r.getOwner());
    }

    /** The profile of an upload that was read but not stored (a dry run). */
    static DatasetInfo profiled(String name, DatasetProfile p) {
        return new DatasetInfo(name, false, wire(p.task()), p.rows(), (int) p.featureCount(),
                p.task() == Task.CLASSIFICATION ? p.classes().size() : null, p.label(), p.classes(), p.droppedRows(),
                p.columns().stream().map(ColumnInfo::of).toList(), null);
    }

    static String wire(Task task) {
        return task.name().toLowerCase(Locale.ROOT);
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }
}
