package dev.hypersearch.search;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The Cartesian product of the space's grid values. With a budget covering the grid, trial k is grid
 * point k (mixed radix, last parameter fastest, see {@link Space#gridPoint}). With a smaller budget,
 * trial k is the k-th point of a seeded random sample without replacement, so the budget is spread
 * over the whole grid instead of exhausting the first parameters' first values.
 */
public final class GridStrategy implements Strategy {

    private final Space space;
    private final long gridSize;
    /** Grid index of each trial when running a subset; null when trial number = grid index. */
    private final long[] subset;

    /** {@code maxTrials} null or >= the grid size runs the whole grid in index order. */
    public GridStrategy(Space space, Integer maxTrials, long seed) {
        this.space = Objects.requireNonNull(space);
        this.gridSize = space.gridSize();
        if (maxTrials != null && maxTrials < 1) {
            throw new IllegalArgumentException("maxTrials must be >= 1");
        }
        this.subset = maxTrials == null || maxTrials >= gridSize
                ? null
                : sampleIndices(gridSize, maxTrials, Seeds.forGridSubset(seed));
    }

    @Override
    public long trialCount() {
        return subset == null ? gridSize : subset.length;
    }

    @Override
    public TrialParams paramsFor(long trialNumber) {
        return space.gridPoint(gridIndex(trialNumber));
    }

    /** The grid index trial {@code trialNumber} runs. */
    public long gridIndex(long trialNumber) {
        Objects.checkIndex(trialNumber, trialCount());
        return subset == null ? trialNumber : subset[(int) trialNumber];
    }

    public long gridSize() {
        return gridSize;
    }

    /** True when every grid point runs (trial number = grid index). */
    public boolean coversGrid() {
        return subset == null;
    }

    /**
     * The first {@code m} positions of a seeded Fisher-Yates shuffle of {@code 0..n-1}, keeping only the
     * swapped positions in a map: O(m) time and memory whatever n is.
     */
    static long[] sampleIndices(long n, int m, RandomGenerator rng) {
        long[] out = new long[m];
        Map<Long, Long> moved = new HashMap<>();
        for (int i = 0; i < m; i++) {
            long j = i + rng.nextLong(n - i);
            out[i] = moved.getOrDefault(j, j);
            moved.put(j, moved.getOrDefault((long) i, (long) i));
        }
        return out;
    }
}
