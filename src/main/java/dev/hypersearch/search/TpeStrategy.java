package dev.hypersearch.search;

import java.util.Objects;

/**
 * The TPE strategy as known at submission: its start-up trials are random draws, a function of (seed, trial
 * number) like {@link RandomStrategy}'s; every later trial's parameters depend on the trials finished when a
 * worker claims it, so they are decided then ({@code dev.hypersearch.search.tpe.TpeSampler}), not here.
 */
public final class TpeStrategy implements Strategy {

    private final RandomStrategy startup;
    private final TpeSettings settings;

    public TpeStrategy(Space space, long trials, long seed, TpeSettings settings) {
        this.startup = new RandomStrategy(space, trials, seed);
        this.settings = Objects.requireNonNull(settings);
    }

    @Override
    public long trialCount() {
        return startup.trialCount();
    }

    /** A start-up trial's random parameters; null for a model-based trial, whose parameters are decided at its claim. */
    @Override
    public TrialParams paramsFor(long trialNumber) {
        return isStartup(trialNumber) ? startup.paramsFor(trialNumber) : checked(trialNumber);
    }

    public boolean isStartup(long trialNumber) {
        return trialNumber < settings.startupTrials();
    }

    private TrialParams checked(long trialNumber) {
        Objects.checkIndex(trialNumber, trialCount());
        return null;
    }
}
