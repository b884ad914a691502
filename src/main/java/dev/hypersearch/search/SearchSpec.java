package dev.hypersearch.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A validated search: what to train on, what to vary, how, with what budget and seed. Build it with
 * {@link #parse} (a whole JSON body as plain values) or {@link #of} (fields already bound); both run
 * every check and report all problems in one {@link SpecException}. The canonical constructor only
 * rejects nulls, so code that stores specs can rebuild one without re-validating.
 *
 * @param maxTrials          trial budget; required for random, optional for grid (null: the whole grid); for
 *                           coarse-to-fine always stages x trialsPerStage
 * @param validationFraction holdout fraction; not used when {@code folds} is set
 * @param maxFailedTrials    optional failure budget for the runner; null means no limit here
 * @param pruner             early stopping of bad trials ({@link PrunerSpec#NONE} by default)
 * @param coarseToFine       the stages of the coarse-to-fine strategy; null for other strategies
 * @param folds              k for k-fold cross-validation ({@code validation: {"folds": k}}); null for a holdout
 * @param sanityCheck        overfit a small subset with the first configuration before any trial runs
 * @param tpe                the TPE strategy's settings; null for other strategies
 */
public record SearchSpec(String name, String dataset, StrategyType strategy, Integer maxTrials, long seed,
                         double validationFraction, Integer maxFailedTrials, Space space, PrunerSpec pruner,
                         CoarseToFine coarseToFine, Integer folds, boolean sanityCheck, TpeSettings tpe) {

    public static final double DEFAULT_VALIDATION_FRACTION = 0.2;
    public static final double MAX_VALIDATION_FRACTION = 0.9;
    public static final int MIN_FOLDS = 2;
    public static final int MAX_FOLDS = 20;
    public static final int MAX_NAME_LENGTH = 200;
    /** As long as a stored data set's name may be (uploads are held to a stricter rule). */
    public static final int MAX_DATASET_LENGTH = 100;

    public SearchSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(space, "space");
        Objects.requireNonNull(pruner, "pruner");
        if ((strategy == StrategyType.COARSE_TO_FINE) != (coarseToFine != null)) {
            throw new IllegalArgumentException("coarseToFine goes with, and only with, the coarse-to-fine strategy");
        }
        if ((strategy == StrategyType.TPE) != (tpe != null)) {
            throw new IllegalArgumentException("tpe settings go with, and only with, the tpe strategy");
        }
    }

    /** True when trials are scored by k-fold cross-validation rather than on a holdout. */
    public boolean crossValidated() {
        return folds != null;
    }

    /** How trials are scored: on a holdout, or by k-fold cross-validation. */
    public Validation validation() {
        return folds != null ? new Validation.KFold(folds) : new Validation.Holdout(validationFraction);
    }

    /** The largest epoch budget a trial of this search can have. */
    public int largestEpochs() {
        return Math.toIntExact(space.largestInt(MlpParameters.EPOCHS));
    }

    /** The epochs at which the pruner may stop a trial (ASHA's rungs below {@link #largestEpochs}); else empty. */
    public List<Integer> rungEpochs() {
        return pruner.create(largestEpochs()).checkpoints();
    }

    /** The rungs of one trial with this epoch budget (a trial's rungs lie below its own budget). */
    public List<Integer> rungEpochs(int trialEpochs) {
        return pruner.create(trialEpochs).checkpoints();
    }

    /** Parses a whole spec (JSON bound to Map / List / Number / String / Boolean) with default limits. */
    public static SearchSpec parse(Map<String, ?> raw) {
        return parse(raw, SearchLimits.DEFAULT);
    }

    public static SearchSpec parse(Map<String, ?> raw, SearchLimits limits) {
        return SearchSpecParser.parse(raw, limits);
    }

    /**
     * Reads back a stored spec: the same parser without the service's caps ({@link SearchLimits#NONE}), so a
     * stored search keeps running whatever the limits are now. Accepts whatever a submission accepted; a space
     * stored without precision trains at float64, as it did ({@link StoredSpace}).
     */
    public static SearchSpec fromStored(Map<String, ?> stored) {
        return SearchSpecParser.parseStored(stored);
    }

    /**
     * Validates already-bound fields. {@code strategy} is the JSON name ("grid" / "random"); {@code space}
     * is the raw space object, null meaning every parameter at its default; {@code validationFraction}
     * null means {@link #DEFAULT_VALIDATION_FRACTION}. The seed is required: it is what makes a search
     * replayable, so the caller chooses it (or draws one and records it) rather than us hiding it.
     */
    public static SearchSpec of(String name, String dataset, String strategy, Integer maxTrials, Long seed,
                                Double validationFraction, Integer maxFailedTrials, Map<String, ?> space,
                                SearchLimits limits) {
        Map<String, Object> raw = new LinkedHashMap<>();
        put(raw, "name", name);
        put(raw, "dataset", dataset);
        put(raw, "strategy", strategy);
        put(raw, "maxTrials", maxTrials);
        put(raw, "seed", seed);
        put(raw, "validationFraction", validationFraction);
        put(raw, "maxFailedTrials", maxFailedTrials);
        put(raw, "space", space);
        return SearchSpecParser.parse(raw, limits);
    }

    private static void put(Map<String, Object> raw, String key, Object value) {
        if (value != null) {
            raw.put(key, value);
        }
    }

    /** Top-level JSON field names, for callers that map errors or build forms. */
    public static List<String> fieldNames() {
        return SearchSpecParser.FIELDS;
    }
}
