package dev.hypersearch.search;

/**
 * Caps that keep one search from monopolising the service: trials of a random search and points of a
 * grid (the grid is sized arithmetically, never enumerated, so a huge spec fails fast).
 */
public record SearchLimits(int maxRandomTrials, long maxGridSize) {

    public static final SearchLimits DEFAULT = new SearchLimits(10_000, 100_000);

    public SearchLimits {
        if (maxRandomTrials < 1 || maxGridSize < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
