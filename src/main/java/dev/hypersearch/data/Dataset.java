package dev.hypersearch.data;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import org.ejml.data.DMatrixRMaj;

/**
 * An immutable table of examples: n rows of d numeric features plus one target per row, either a
 * class label in 0..C-1 (classification) or a real value (regression).
 *
 * <p>Features live in one row-major {@link DMatrixRMaj} because that is what the engine multiplies;
 * {@link #features()} offers the same numbers as {@code double[][]}. Every accessor that returns an
 * array or matrix returns a fresh copy, so a Dataset can be cached and shared between worker threads.
 *
 * <p>A subset keeps the full class list even when some classes are absent from it, so a network built
 * from a training split always has {@link #numClasses()} outputs.
 */
public final class Dataset {

    private final String name;
    private final Task task;
    private final List<String> featureNames;
    private final String targetName;
    private final DMatrixRMaj features;
    private final int[] labels; // classification only
    private final List<String> classNames; // classification only, empty for regression
    private final double[] targets; // regression only

    private Dataset(String name, Task task, List<String> featureNames, String targetName,
            DMatrixRMaj features, int[] labels, List<String> classNames, double[] targets) {
        this.name = name;
        this.task = task;
        this.featureNames = featureNames;
        this.targetName = targetName;
        this.features = features;
        this.labels = labels;
        this.classNames = classNames;
        this.targets = targets;
    }

    /**
     * A classification set.
     *
     * @param features n x d, one row per example, all finite
     * @param labels n class indices, each in 0..classNames.size()-1
     * @param classNames at least two distinct names, index = label
     */
    public static Dataset classification(String name, List<String> featureNames, double[][] features,
            String targetName, int[] labels, List<String> classNames) {
        DMatrixRMaj x = toMatrix(features);
        List<String> fn = checkNames(featureNames, x.numCols, "feature names");
        List<String> cn = List.copyOf(classNames);
        if (cn.size() < 2) {
            throw new IllegalArgumentException("classification needs at least 2 classes, got " + cn);
        }
        checkDistinct(cn, "class names");
        checkLabels(labels, x.numRows, cn.size());
        return new Dataset(checkName(name), Task.CLASSIFICATION, fn, checkName(targetName), x,
                labels.clone(), cn, null);
    }

    /**
     * A regression set.
     *
     * @param features n x d, one row per example, all finite
     * @param targets n finite values
     */
    public static Dataset regression(String name, List<String> featureNames, double[][] features,
            String targetName, double[] targets) {
        DMatrixRMaj x = toMatrix(features);
        List<String> fn = checkNames(featureNames, x.numCols, "feature names");
        checkTargets(targets, x.numRows);
        return new Dataset(checkName(name), Task.REGRESSION, fn, checkName(targetName), x, null,
                List.of(), targets.clone());
    }

    public String name() {
        return name;
    }

    public Task task() {
        return task;
    }

    public boolean isClassification() {
        return task == Task.CLASSIFICATION;
    }

    /** Number of examples (rows). */
    public int size() {
        return features.numRows;
    }

    public int numFeatures() {
        return features.numCols;
    }

    public List<String> featureNames() {
        return featureNames;
    }

    /** Name of the label / target column. */
    public String targetName() {
        return targetName;
    }

    /** Number of classes C for classification (labels are 0..C-1); 0 for regression. */
    public int numClasses() {
        return classNames.size();
    }

    /** Class names, index = label; empty for regression. */
    public List<String> classNames() {
        return classNames;
    }

    /** A copy of the features as an n x d EJML matrix. */
    public DMatrixRMaj featureMatrix() {
        return features.copy();
    }

    /** A copy of the features as n rows of d values. */
    public double[][] features() {
        double[][] out = new double[size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = row(i);
        }
        return out;
    }

    /** A copy of row {@code i}'s features. */
    public double[] row(int i) {
        Objects.checkIndex(i, size());
        int d = numFeatures();
        return Arrays.copyOfRange(features.data, i * d, i * d + d);
    }

    public double feature(int row, int column) {
        return features.get(row, column);
    }

    /** A copy of the class labels. */
    public int[] labels() {
        requireTask(Task.CLASSIFICATION);
        return labels.clone();
    }

    /** A copy of the regression targets. */
    public double[] targets() {
        requireTask(Task.REGRESSION);
        return targets.clone();
    }

    /** Examples per class, index = label; what stratification and the UI's dataset summary need. */
    public int[] classCounts() {
        requireTask(Task.CLASSIFICATION);
        int[] counts = new int[numClasses()];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }

    /**
     * The rows at the given indices, in that order (repeats allowed, e.g. for a bootstrap). Keeps the
     * name, feature names and full class list.
     */
    public Dataset subset(int[] rows) {
        if (rows.length == 0) {
            throw new IllegalArgumentException("subset of " + name + " needs at least one row");
        }
        int d = numFeatures();
        DMatrixRMaj x = new DMatrixRMaj(rows.length, d);
        int[] l = labels == null ? null : new int[rows.length];
        double[] t = targets == null ? null : new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            int r = Objects.checkIndex(rows[i], size());
            System.arraycopy(features.data, r * d, x.data, i * d, d);
            if (l != null) {
                l[i] = labels[r];
            }
            if (t != null) {
                t[i] = targets[r];
            }
        }
        return new Dataset(name, task, featureNames, targetName, x, l, classNames, t);
    }

    /** The same examples and targets with replaced features (e.g. standardized); same shape required. */
    public Dataset withFeatures(double[][] newFeatures) {
        DMatrixRMaj x = toMatrix(newFeatures);
        if (x.numRows != size() || x.numCols != numFeatures()) {
            throw new IllegalArgumentException("expected " + size() + " x " + numFeatures()
                    + " features, got " + x.numRows + " x " + x.numCols);
        }
        return new Dataset(name, task, featureNames, targetName, x, labels, classNames, targets);
    }

    /** The same set with the class names replaced (e.g. "setosa" for label 0); same class count. */
    public Dataset withClassNames(List<String> names) {
        requireTask(Task.CLASSIFICATION);
        List<String> cn = List.copyOf(names);
        if (cn.size() != numClasses()) {
            throw new IllegalArgumentException(
                    "expected " + numClasses() + " class names, got " + cn.size() + ": " + cn);
        }
        checkDistinct(cn, "class names");
        return new Dataset(name, task, featureNames, targetName, features, labels, cn, targets);
    }

    @Override
    public String toString() {
        return "Dataset[" + name + ": " + size() + " x " + numFeatures() + ", "
                + (isClassification() ? numClasses() + " classes" : "regression") + "]";
    }

    private void requireTask(Task expected) {
        if (task != expected) {
            throw new IllegalStateException(name + " is a " + task.name().toLowerCase()
                    + " set, not " + expected.name().toLowerCase());
        }
    }

    private static DMatrixRMaj toMatrix(double[][] rows) {
        if (rows.length == 0) {
            throw new IllegalArgumentException("a dataset needs at least one row");
        }
        int d = rows[0].length;
        if (d == 0) {
            throw new IllegalArgumentException("a dataset needs at least one feature");
        }
        DMatrixRMaj x = new DMatrixRMaj(rows.length, d);
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != d) {
                throw new IllegalArgumentException(
                        "row " + i + " has " + rows[i].length + " features, expected " + d);
            }
            for (int j = 0; j < d; j++) {
                if (!Double.isFinite(rows[i][j])) {
                    throw new IllegalArgumentException("non-finite feature at row " + i + ", column " + j);
                }
            }
            System.arraycopy(rows[i], 0, x.data, i * d, d);
        }
        return x;
    }

    private static String checkName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        return name;
    }

    private static List<String> checkNames(List<String> names, int expected, String what) {
        List<String> copy = List.copyOf(names);
        if (copy.size() != expected) {
            throw new IllegalArgumentException(
                    "expected " + expected + " " + what + ", got " + copy.size());
        }
        checkDistinct(copy, what);
        return copy;
    }

    private static void checkDistinct(List<String> names, String what) {
        if (new HashSet<>(names).size() != names.size()) {
            throw new IllegalArgumentException(what + " must be distinct: " + names);
        }
    }

    private static void checkLabels(int[] labels, int n, int numClasses) {
        if (labels.length != n) {
            throw new IllegalArgumentException("expected " + n + " labels, got " + labels.length);
        }
        for (int i = 0; i < n; i++) {
            if (labels[i] < 0 || labels[i] >= numClasses) {
                throw new IllegalArgumentException(
                        "label " + labels[i] + " at row " + i + " not in 0.." + (numClasses - 1));
            }
        }
    }

    private static void checkTargets(double[] targets, int n) {
        if (targets.length != n) {
            throw new IllegalArgumentException("expected " + n + " targets, got " + targets.length);
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(targets[i])) {
                throw new IllegalArgumentException("non-finite target at row " + i);
            }
        }
    }
}
