package dev.hypersearch.search;

import java.util.List;

/**
 * The strategies and pruners a spec may name, each with its settings as their parsers define them: what a
 * form or a client needs to offer the choices without copying them.
 */
public final class SearchOptions {

    /** A strategy or pruner by its JSON name. */
    public record Option(String name, String description, List<Setting> settings) {
        public Option {
            settings = List.copyOf(settings);
        }
    }

    /** Most values a {@code choice} may list. */
    public static final int MAX_CHOICES = DistributionParser.MAX_CHOICES;
    /** Most grid points a {@code floatRange} may ask for. */
    public static final int MAX_POINTS = DistributionParser.MAX_POINTS;

    private static final List<Option> STRATEGIES = List.of(
            new Option(StrategyType.GRID.wireName(), "Every combination of the space's values, in canonical order;"
                    + " ranges need grid points; maxTrials, when given, stops early", List.of()),
            new Option(StrategyType.RANDOM.wireName(), "maxTrials independent draws from the space, replayable"
                    + " from the seed", List.of()),
            new Option(StrategyType.COARSE_TO_FINE.wireName(), "Stages of random trials, each stage's space narrowed"
                    + " to the best trials of the stage before", CoarseToFineParser.SETTINGS),
            new Option(StrategyType.TPE.wireName(), "Tree-structured Parzen estimator (Optuna's default sampler):"
                    + " random start-up trials, then each trial's parameters from a model of the good and bad trials"
                    + " finished when a worker claims it; maxTrials is required", TpeParser.SETTINGS));

    private static final List<Option> PRUNERS = List.of(
            new Option("none", "Every trial trains all its epochs", List.of()),
            new Option("median", "Stops a trial whose best validation loss is worse than the median of the other"
                    + " trials at the same epoch", PrunerSpecParser.MEDIAN_SETTINGS),
            new Option("asha", "Asynchronous successive halving: at each rung epoch (minEpochs x eta^k) only the"
                    + " best 1/eta of the trials that reached it go on", PrunerSpecParser.ASHA_SETTINGS));

    private SearchOptions() {
    }

    /** Every strategy, in {@link StrategyType} order. */
    public static List<Option> strategies() {
        return STRATEGIES;
    }

    /** Every pruner, in {@link PrunerSpec#NAMES} order. */
    public static List<Option> pruners() {
        return PRUNERS;
    }
}
