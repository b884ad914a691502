package dev.hypersearch.data.ingest;

import java.util.Arrays;

/** A growable array of ints: level codes and epoch days as a column is read. */
final class IntList {

    private int[] values = new int[1024];
    private int size;

    void add(int v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, values.length + (values.length >> 1));
        }
        values[size++] = v;
    }

    int size() {
        return size;
    }

    int get(int i) {
        return values[i];
    }

    int[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
