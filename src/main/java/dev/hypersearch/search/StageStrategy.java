package dev.hypersearch.search;

import java.util.Objects;

/**
 * One coarse-to-fine stage as a {@link Strategy}: its trials are random draws from the stage's space,
 * local trial k using the RNG of random-search trial {@code firstTrial + k}, a function of (seed, stage, k)
 * only. Stage 1 is therefore exactly the random search of the same seed, and any stage replays identically
 * from its space whichever worker computes it.
 */
public final class StageStrategy implements Strategy {

    private final CoarseToFine plan;
    private final int stage;
    private final Space space;
    private final long seed;

    StageStrategy(CoarseToFine plan, int stage, Space space, long seed) {
        this.plan = plan;
        this.stage = stage;
        this.space = Objects.requireNonNull(space, "space");
        this.seed = seed;
    }

    @Override
    public long trialCount() {
        return plan.trialsPerStage();
    }

    /** Local trial {@code k} of this stage, {@code 0 <= k < trialCount()}; its search-wide number is {@link #trialNumber}. */
    @Override
    public TrialParams paramsFor(long k) {
        return space.sample(Seeds.forTrial(seed, trialNumber(k)));
    }

    /** The search-wide trial number of local trial {@code k}. */
    public long trialNumber(long k) {
        Objects.checkIndex(k, trialCount());
        return plan.firstTrial(stage) + k;
    }

    public int stage() {
        return stage;
    }

    public Space space() {
        return space;
    }

    public StageSpace describe() {
        return new StageSpace(stage, plan.firstTrial(stage), plan.trialsPerStage(), space.toRaw());
    }
}
