package dev.hypersearch.store;

import dev.hypersearch.search.SearchSpec;
import dev.hypersearch.search.StageSpace;
import dev.hypersearch.search.StageStrategy;
import dev.hypersearch.search.Strategies;
import dev.hypersearch.search.Strategy;
import dev.hypersearch.search.TrialParams;

/**
 * The trials a search starts with: all of them, or a coarse-to-fine search's first stage. A function of the
 * spec (strategy, space, seed) alone, counted, never enumerated: the trials are created one at a time by the
 * claims that run them ({@link PlannedTrials}), so a 1,000,000-point grid is stored as one search row.
 *
 * @param count how many trials are planned now
 * @param stage the first stage of a staged strategy (its space and numbers); null otherwise
 */
public record FirstTrials(int count, StageSpace stage) {

    public static FirstTrials of(SearchSpec spec) {
        Strategy strategy = Strategies.create(spec);
        // The caps bound trialCount (random-cap, grid-cap), so the int cast is safe.
        int count = Math.toIntExact(strategy.trialCount());
        return new FirstTrials(count, strategy instanceof StageStrategy s ? s.describe() : null);
    }

    /** The configuration the sanity check tries: trial 0's. */
    public static TrialParams firstOf(SearchSpec spec) {
        return Strategies.create(spec).paramsFor(0);
    }
}
