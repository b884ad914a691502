package dev.hypersearch.data.ingest;

import dev.hypersearch.data.DatasetFormatException;
import dev.hypersearch.data.Task;
import dev.hypersearch.data.table.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The label column as a {@link Target}. The task, unless given: regression when every label is a number and there
 * are more than {@link #MAX_CLASSES_INFERRED} distinct ones, else classification. Classes are the trimmed label
 * strings, ordered as the numeric reader always ordered them: numerically when all are integers (so 0..C-1 keep
 * their indices), else as strings.
 */
final class LabelInference {

    /** A numeric label with more distinct values than this is taken as a regression target. */
    static final int MAX_CLASSES_INFERRED = 20;
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,18}");

    private LabelInference() {
    }

    static Task task(ColumnAccumulator label, Task requested) {
        if (requested != null) {
            return requested;
        }
        return label.numeric() && label.distinct() > MAX_CLASSES_INFERRED ? Task.REGRESSION : Task.CLASSIFICATION;
    }

    static Target target(ColumnAccumulator label, Task task, int maxClasses, int lastLine) {
        if (task == Task.REGRESSION) {
            if (!label.numeric()) {
                throw new DatasetFormatException("line " + label.firstNonNumberLine + ", column '" + label.name
                        + "': '" + label.firstNonNumber + "' is not a number; a regression label must be numeric",
                        label.firstNonNumberLine, label.name);
            }
            return new Target.Values(label.name, label.numbers());
        }
        if (!label.levelsKept() || label.levels().size() > maxClasses) {
            throw new DatasetFormatException("label column '" + label.name + "' has "
                    + (label.levelsKept() ? String.valueOf(label.levels().size()) : "too many") + " distinct values, more than the limit of "
                    + maxClasses + " classes; is it a regression target? (task=regression)", 0, label.name);
        }
        List<String> levels = label.levels();
        if (levels.size() < 2) {
            throw new DatasetFormatException("label column '" + label.name + "' has a single class '" + levels.get(0)
                    + "' in all rows (lines 2-" + lastLine + "); classification needs at least 2", 0, label.name);
        }
        int[] remap = new int[levels.size()];
        List<String> classes = new ArrayList<>();
        boolean integers = levels.stream().allMatch(l -> INTEGER.matcher(l).matches());
        TreeMap<Object, Integer> index = new TreeMap<>(); // Long keys when integers, else String keys
        levels.forEach(l -> index.put(integers ? (Object) Long.parseLong(l) : l, 0));
        for (var e : index.entrySet()) {
            e.setValue(classes.size());
            classes.add(String.valueOf(e.getKey()));
        }
        for (int i = 0; i < remap.length; i++) {
            remap[i] = index.get(integers ? (Object) Long.parseLong(levels.get(i)) : levels.get(i));
        }
        if (classes.size() < 2) { // "1" and "01" are one class
            throw new DatasetFormatException("label column '" + label.name + "' has a single class '" + classes.get(0)
                    + "' in all rows; classification needs at least 2", 0, label.name);
        }
        int[] codes = label.codes();
        for (int i = 0; i < codes.length; i++) {
            codes[i] = remap[codes[i]];
        }
        return new Target.Classes(label.name, codes, classes);
    }
}
