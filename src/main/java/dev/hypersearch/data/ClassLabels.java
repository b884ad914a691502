package dev.hypersearch.data;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Turns raw label cells into class indices 0..C-1 plus class names.
 *
 * <p>If every cell is an integer, distinct values are ordered numerically, so labels already in
 * 0..C-1 keep their values and others (e.g. 1..3 or -1/1) are renumbered in order. Otherwise cells
 * are names, ordered as strings. Sorting (not first-seen order) makes the mapping independent of
 * row order.
 */
record ClassLabels(int[] labels, List<String> classNames) {

    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,18}");

    static ClassLabels encode(List<String> cells) {
        boolean allIntegers = cells.stream().allMatch(c -> INTEGER.matcher(c).matches());
        return allIntegers ? encodeIntegers(cells) : encodeNames(cells);
    }

    private static ClassLabels encodeIntegers(List<String> cells) {
        long[] values = cells.stream().mapToLong(Long::parseLong).toArray();
        TreeSet<Long> distinct = new TreeSet<>();
        for (long v : values) {
            distinct.add(v);
        }
        Map<Long, Integer> index = new TreeMap<>();
        for (long v : distinct) {
            index.put(v, index.size());
        }
        int[] labels = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            labels[i] = index.get(values[i]);
        }
        return new ClassLabels(labels, distinct.stream().map(String::valueOf).toList());
    }

    private static ClassLabels encodeNames(List<String> cells) {
        Map<String, Integer> index = new TreeMap<>();
        new TreeSet<>(cells).forEach(name -> index.put(name, index.size()));
        int[] labels = cells.stream().mapToInt(index::get).toArray();
        return new ClassLabels(labels, List.copyOf(index.keySet()));
    }
}
