package dev.hypersearch.search;

/**
 * Caps that keep one search from monopolising the service: trials of a random search and points of a
 * grid (the grid is sized arithmetically, never enumerated, so a huge spec fails fast).
 */
public record SearchLimits(int maxRandomTrials, long maxGridSize) {

    public static final SearchLimits DEFAULT = new SearchLimits(10_000, 100_000);
    /** No caps: for reading back a stored search, which keeps running whatever the service's limits are now. */
    public static final SearchLimits NONE = new SearchLimits(Integer.MAX_VALUE, Long.MAX_VALUE);

    public SearchLimits {
        if (maxRandomTrials < 1 || maxGridSize < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
