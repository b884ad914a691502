package dev.hypersearch.api;

import static dev.hypersearch.api.SharedReads.LIVE_MAX_AGE_NANOS;
import static dev.hypersearch.api.SharedReads.LIVE_REFRESH_NANOS;
import static dev.hypersearch.api.SharedReads.MAX_STALE_NANOS;
import static dev.hypersearch.api.SharedReads.MIN_AGE_NANOS;

import java.util.function.Supplier;

/**
 * One answer kept by {@link SharedReads}, with the search version it saw, and the rules for when it may still be
 * served: the freshness of an aggregate follows the search's ended trials, that of a live answer its age.
 */
final class SharedAnswer {

    final long version;
    final long computedAt;
    /** How long computing it took: refreshes of costly answers are spaced out ({@link #interval}). */
    final long tookNanos;
    final Object value;
    final Supplier<?> compute;
    /** A live answer ({@link SharedReads#live}) rather than an aggregate. */
    final boolean live;
    volatile long readAt;
    /** When the search's version was last read and found this answer up to date (or it was computed). */
    volatile long checkedAt;

    SharedAnswer(long version, long computedAt, long tookNanos, Object value, Supplier<?> compute, boolean live) {
        this.version = version;
        this.computedAt = computedAt;
        this.tookNanos = tookNanos;
        this.value = value;
        this.compute = compute;
        this.live = live;
        this.readAt = computedAt;
        this.checkedAt = computedAt;
    }

    /**
     * How often it is brought up to date: a live answer every {@link SharedReads#LIVE_REFRESH_NANOS}, an aggregate
     * every {@link SharedReads#MIN_AGE_NANOS}; less often for an answer that takes long to compute (importance over
     * 100,000 trials, a leaderboard sort no index serves), so the refreshes of one answer take at most a tenth
     * (aggregates) or a quarter (live answers) of a core whatever the number of viewers.
     */
    long interval() {
        return live ? Math.max(LIVE_REFRESH_NANOS, 4 * tookNanos) : Math.max(MIN_AGE_NANOS, 10 * tookNanos);
    }

    /**
     * Whether it is up to date: one of an ended search that saw every ended trial; an aggregate of a running search
     * that saw every ended trial; a live answer of a running search computed within its interval.
     */
    boolean fresh(long searchVersion, long now) {
        if (searchVersion < 0 || !live) {
            return version == searchVersion;
        }
        return now - computedAt < interval();
    }

    /**
     * Whether it may be served without reading the search's version: within its interval, its age alone decides (a
     * live answer of a running search since it was computed, any other since its version was last found current).
     * A search's end, cancel or submission drops its answers at once ({@link SharedReads#onSearchChanged}); an end
     * nobody announced (a sweep's) is seen within one interval.
     */
    boolean currentWithoutCheck(long now) {
        return now - (live && version >= 0 ? computedAt : checkedAt) < interval();
    }

    /** Whether it may be served while it is brought up to date (a running search's only). */
    boolean servable(long searchVersion, long now) {
        if (searchVersion < 0) {
            return false;
        }
        long age = now - computedAt;
        return live ? age < Math.max(LIVE_MAX_AGE_NANOS, interval() + LIVE_REFRESH_NANOS)
                : age < interval() + MAX_STALE_NANOS;
    }
}
