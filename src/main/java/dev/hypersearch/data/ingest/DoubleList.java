package dev.hypersearch.data.ingest;

import java.util.Arrays;

/** A growable array of doubles (boxing a million values would cost five times the memory). */
final class DoubleList {

    private double[] values = new double[1024];
    private int size;

    void add(double v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, values.length + (values.length >> 1));
        }
        values[size++] = v;
    }

    int size() {
        return size;
    }

    double get(int i) {
        return values[i];
    }

    double[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
