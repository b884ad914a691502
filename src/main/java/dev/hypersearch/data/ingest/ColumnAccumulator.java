package dev.hypersearch.data.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One column as it is read: every representation it may still take (numbers, level codes, dates), each dropped at
 * the first value that rules it out, so memory stays at a few bytes per cell and no text is kept. Level codes are
 * kept up to {@code maxLevels} distinct values; beyond that the column can only be numeric, a date, or ignored.
 */
final class ColumnAccumulator {

    // Plain decimal numbers only, as the numeric reader has always taken them ("NaN" is a missing marker).
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    // A decimal comma, as spreadsheets in many locales export it in semicolon- or tab-separated files.
    private static final Pattern COMMA_NUMBER = Pattern.compile("[+-]?\\d+,\\d+");
    private static final int EXAMPLES = 3;

    final String name;
    private final int maxLevels;
    private final boolean decimalComma;

    int missing;
    int present;
    private DoubleList numbers = new DoubleList();
    boolean integers = true;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    int firstNonNumberLine;
    String firstNonNumber;

    private Map<String, Integer> levelCodes = new HashMap<>();
    private List<String> levels = new ArrayList<>();
    private IntList codes = new IntList();

    private final DateCandidates dates = new DateCandidates();
    final List<String> examples = new ArrayList<>(EXAMPLES);
    int withWhitespace;

    ColumnAccumulator(String name, int maxLevels, boolean decimalComma) {
        this.name = name;
        this.maxLevels = maxLevels;
        this.decimalComma = decimalComma;
    }

    void add(String cell, int line) {
        String v = cell.strip();
        if (MissingMarkers.isMissing(v)) {
            missing++;
            if (numbers != null) {
                numbers.add(Double.NaN);
            }
            if (codes != null) {
                codes.add(-1);
            }
            dates.addMissing();
            return;
        }
        present++;
        if (numbers != null) {
            addNumber(v, line);
        }
        if (codes != null) {
            addLevel(v);
        }
        dates.add(v);
        if (examples.size() < EXAMPLES && !examples.contains(v)) {
            examples.add(v.length() <= 40 ? v : v.substring(0, 37) + "...");
        }
        if (v.indexOf(' ') >= 0 || v.indexOf('\t') >= 0 || v.indexOf('\n') >= 0) {
            withWhitespace++;
        }
    }

    private void addNumber(String v, int line) {
        double d = Double.NaN;
        if (NUMBER.matcher(v).matches()) {
            d = Double.parseDouble(v);
        } else if (decimalComma && COMMA_NUMBER.matcher(v).matches()) {
            d = Double.parseDouble(v.replace(',', '.'));
        }
        if (!Double.isFinite(d)) {
            numbers = null;
            firstNonNumberLine = line;
            firstNonNumber = v.length() <= 40 ? v : v.substring(0, 37) + "...";
            return;
        }
        numbers.add(d);
        integers &= d == Math.rint(d);
        min = Math.min(min, d);
        max = Math.max(max, d);
    }

    private void addLevel(String v) {
        Integer code = levelCodes.get(v);
        if (code == null) {
            if (levels.size() == maxLevels) {
                levelCodes = null; // too many to be categories: free the memory
                levels = null;
                codes = null;
                return;
            }
            code = levels.size();
            levelCodes.put(v, code);
            levels.add(v);
        }
        codes.add(code);
    }

    boolean numeric() {
        return numbers != null;
    }

    double[] numbers() {
        return numbers.toArray();
    }

    /** Whether the distinct values were all kept (at most maxLevels of them). */
    boolean levelsKept() {
        return codes != null;
    }

    List<String> levels() {
        return levels;
    }

    int[] codes() {
        return codes.toArray();
    }

    DateFormat dateFormat() {
        return present == 0 ? null : dates.format();
    }

    long[] epochDays() {
        return dates.epochDays();
    }

    /** Distinct present values, exact when levels were kept or the column is numeric, else -1 (more than maxLevels). */
    int distinct() {
        if (levelsKept()) {
            return numeric() ? distinctNumbers() : levels.size();
        }
        return numeric() ? distinctNumbers() : -1;
    }

    private int distinctNumbers() {
        double[] sorted = new double[present];
        for (int i = 0, k = 0; i < numbers.size(); i++) {
            double d = numbers.get(i);
            if (!Double.isNaN(d)) {
                sorted[k++] = d;
            }
        }
        Arrays.sort(sorted);
        int distinct = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                distinct++;
            }
        }
        return distinct;
    }
}
