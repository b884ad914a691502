package dev.hypersearch.data.table;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/** The label column of a {@link Table}, with no missing values (rows whose label is missing are dropped at upload). */
public sealed interface Target permits Target.Classes, Target.Values {

    String name();

    int size();

    /** Class labels: row i has class {@code classes.get(labels[i])}. */
    record Classes(String name, int[] labels, List<String> classes) implements Target {
        public Classes {
            Objects.requireNonNull(name, "name");
            labels = labels.clone();
            classes = List.copyOf(classes);
            if (classes.size() < 2 || new HashSet<>(classes).size() != classes.size()) {
                throw new IllegalArgumentException("label " + name + " needs at least 2 distinct classes");
            }
            for (int l : labels) {
                if (l < 0 || l >= classes.size()) {
                    throw new IllegalArgumentException("label " + name + ": class index " + l + " out of range");
                }
            }
        }

        @Override
        public int[] labels() {
            return labels.clone();
        }

        public int label(int row) {
            return labels[row];
        }

        @Override
        public int size() {
            return labels.length;
        }
    }

    /** Regression targets, all finite. */
    record Values(String name, double[] values) implements Target {
        public Values {
            Objects.requireNonNull(name, "name");
            values = values.clone();
            for (double v : values) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("target " + name + " holds a non-finite value");
                }
            }
        }

        @Override
        public double[] values() {
            return values.clone();
        }

        public double value(int row) {
            return values[row];
        }

        @Override
        public int size() {
            return values.length;
        }
    }
}
