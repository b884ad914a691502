package dev.hypersearch.search;

import java.util.SplittableRandom;

/**
 * Derives independent RNG streams from a search seed. Seeding SplittableRandom with {@code seed + k}
 * would be a mistake: seeds differing by its gamma give shifted copies of one stream. Mixing first
 * scatters neighbouring inputs across the whole 64-bit space.
 */
public final class Seeds {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    private static final long GRID_SALT = 0x6A09E667F3BCC909L;
    private static final long MODEL_SALT = 0xBB67AE8584CAA73BL;

    private Seeds() {
    }

    /** The RNG for random-search trial {@code trial}: a function of (seed, trial) only. */
    static SplittableRandom forTrial(long seed, long trial) {
        return new SplittableRandom(mix64(mix64(seed) + trial * GOLDEN_GAMMA));
    }

    /** The RNG of a model-based suggestion for trial {@code trial} (TPE's candidates): a stream of its own. */
    public static SplittableRandom forModel(long seed, long trial) {
        return forTrial(seed ^ MODEL_SALT, trial);
    }

    /** The RNG that picks which grid points a budgeted grid search runs. */
    static SplittableRandom forGridSubset(long seed) {
        return new SplittableRandom(mix64(seed ^ GRID_SALT));
    }

    /** Stafford's variant 13 finaliser (as in SplittableRandom): a bijective, well-avalanched 64-bit mix. */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
