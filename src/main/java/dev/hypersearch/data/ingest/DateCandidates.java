package dev.hypersearch.data.ingest;

import dev.hypersearch.data.table.DateColumn;

/**
 * The date layouts still possible for a column as it is read, each with the epoch days it would give: a layout
 * drops out at the first present value it cannot parse, so a non-date column costs one failed parse per layout.
 */
final class DateCandidates {

    private static final DateFormat[] FORMATS = DateFormat.values();
    private static final int MISSING_DAY = Integer.MIN_VALUE;

    private final IntList[] days = new IntList[FORMATS.length];
    private int alive = FORMATS.length;

    DateCandidates() {
        for (int i = 0; i < days.length; i++) {
            days[i] = new IntList();
        }
    }

    void addMissing() {
        for (IntList d : days) {
            if (d != null) {
                d.add(MISSING_DAY);
            }
        }
    }

    void add(String value) {
        if (alive == 0) {
            return;
        }
        for (int i = 0; i < days.length; i++) {
            if (days[i] == null) {
                continue;
            }
            long day = FORMATS[i].epochDay(value);
            if (day == Long.MIN_VALUE) {
                days[i] = null;
                alive--;
            } else {
                days[i].add((int) day);
            }
        }
    }

    /** The first layout that parsed every present value, or null. */
    DateFormat format() {
        for (int i = 0; i < days.length; i++) {
            if (days[i] != null) {
                return FORMATS[i];
            }
        }
        return null;
    }

    /** Epoch days in {@link #format()}, {@link DateColumn#MISSING} where missing. */
    long[] epochDays() {
        for (IntList d : days) {
            if (d != null) {
                long[] out = new long[d.size()];
                for (int i = 0; i < out.length; i++) {
                    int v = d.get(i);
                    out[i] = v == MISSING_DAY ? DateColumn.MISSING : v;
                }
                return out;
            }
        }
        throw new IllegalStateException("not a date column");
    }
}
