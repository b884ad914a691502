package dev.hypersearch.store;

import dev.hypersearch.search.SearchSpec;
import dev.hypersearch.search.StageStrategy;
import dev.hypersearch.search.Strategies;
import dev.hypersearch.search.Strategy;
import dev.hypersearch.search.TrialParams;
import java.util.AbstractList;
import java.util.List;
import java.util.Objects;

/**
 * Every trial a search starts with: all of them, or a coarse-to-fine search's first stage. A function of the
 * spec (strategy, space, seed) alone, so the trials inserted after a sanity check are those submission counted.
 *
 * @param params each trial's parameters; null for a trial a model-based strategy (TPE) decides at its claim
 * @param stage  the first stage of a staged strategy; null otherwise
 */
public record FirstTrials(List<TrialParams> params, StageTrials stage) {

    public static FirstTrials of(SearchSpec spec) {
        Strategy strategy = Strategies.create(spec);
        // The caps bound trialCount (random-cap, grid-cap), so the int cast is safe.
        int count = Math.toIntExact(strategy.trialCount());
        // Lazy: trial k's parameters are a function of (spec, k), computed as the inserts read them, so a
        // 1,000,000-trial grid is never held in memory at once.
        List<TrialParams> params = new AbstractList<>() {
            @Override
            public TrialParams get(int k) {
                Objects.checkIndex(k, count);
                return strategy.paramsFor(k);
            }

            @Override
            public int size() {
                return count;
            }
        };
        StageTrials stage = strategy instanceof StageStrategy s ? new StageTrials(s.stage(),
                Math.toIntExact(s.trialNumber(0)), s.describe().space(), params) : null;
        return new FirstTrials(params, stage);
    }

    /** The configuration the sanity check tries: trial 0's. */
    public static TrialParams firstOf(SearchSpec spec) {
        return Strategies.create(spec).paramsFor(0);
    }
}
