package dev.hypersearch.search;

/**
 * Builds the strategy a validated spec names. For coarse-to-fine that is stage 1 only: later stages depend
 * on finished trials, so the service asks {@link CoarseToFine#nextSpace} and {@link CoarseToFine#stage} for
 * them when a stage ends.
 */
public final class Strategies {

    private Strategies() {
    }

    public static Strategy create(SearchSpec spec) {
        return switch (spec.strategy()) {
            case GRID -> new GridStrategy(spec.space(), spec.maxTrials(), spec.seed());
            case RANDOM -> new RandomStrategy(spec.space(), spec.maxTrials(), spec.seed());
            case COARSE_TO_FINE -> spec.coarseToFine().stage(1, spec.space(), spec.seed());
            case TPE -> new TpeStrategy(spec.space(), spec.maxTrials(), spec.seed(), spec.tpe());
        };
    }
}
