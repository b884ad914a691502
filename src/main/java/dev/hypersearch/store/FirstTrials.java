package dev.hypersearch.store;

import dev.hypersearch.search.SearchSpec;
import dev.hypersearch.search.StageStrategy;
import dev.hypersearch.search.Strategies;
import dev.hypersearch.search.Strategy;
import dev.hypersearch.search.TrialParams;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

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
        // The caps bound trialCount (random-cap, grid-cap), so the list and the int cast are safe.
        int count = Math.toIntExact(strategy.trialCount());
        List<TrialParams> params = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            params.add(strategy.paramsFor(k));
        }
        StageTrials stage = strategy instanceof StageStrategy s ? new StageTrials(s.stage(),
                Math.toIntExact(s.trialNumber(0)), s.describe().space(), params) : null;
        return new FirstTrials(Collections.unmodifiableList(params), stage);
    }

    /** The configuration the sanity check tries: trial 0's. */
    public static TrialParams firstOf(SearchSpec spec) {
        return Strategies.create(spec).paramsFor(0);
    }
}
