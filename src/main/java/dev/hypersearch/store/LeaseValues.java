package dev.hypersearch.store;

import java.time.Duration;

/** How the trial and model queues write a lease's length and a worker's error text. */
final class LeaseValues {

    /** Longest error or history text stored (the columns' size). */
    private static final int TEXT_LIMIT = 4000;

    private LeaseValues() {
    }

    /** A lease's length in the whole seconds the SQL counts, rounded up. */
    static long seconds(Duration lease) {
        return Math.max(1, lease.plusNanos(999_999_999).toSeconds());
    }

    /** The text cut to the column's size, marked with "..." where it was cut. */
    static String truncate(String s) {
        return s == null || s.length() <= TEXT_LIMIT ? s : s.substring(0, TEXT_LIMIT - 3) + "...";
    }
}
