package dev.hypersearch.search;

import java.util.Objects;

/**
 * Independent random draws: trial k samples every parameter, in canonical order, from an RNG seeded by
 * (search seed, k) alone. Trial k is therefore the same whether computed first, last, alone or by
 * another worker. Draws may repeat a parameter set when the space is small and discrete.
 */
public final class RandomStrategy implements Strategy {

    private final Space space;
    private final long trials;
    private final long seed;

    public RandomStrategy(Space space, long trials, long seed) {
        if (trials < 1) {
            throw new IllegalArgumentException("trials must be >= 1");
        }
        this.space = Objects.requireNonNull(space);
        this.trials = trials;
        this.seed = seed;
    }

    @Override
    public long trialCount() {
        return trials;
    }

    @Override
    public TrialParams paramsFor(long trialNumber) {
        Objects.checkIndex(trialNumber, trials);
        return space.sample(Seeds.forTrial(seed, trialNumber));
    }
}
