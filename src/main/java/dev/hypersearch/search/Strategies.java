package dev.hypersearch.search;

/** Builds the strategy a validated spec names. */
public final class Strategies {

    private Strategies() {
    }

    public static Strategy create(SearchSpec spec) {
        return switch (spec.strategy()) {
            case GRID -> new GridStrategy(spec.space(), spec.maxTrials(), spec.seed());
            case RANDOM -> new RandomStrategy(spec.space(), spec.maxTrials(), spec.seed());
        };
    }
}
