package dev.hypersearch.search;

import dev.hypersearch.text.StoredText;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Checks a raw spec field by field, then the rules that tie fields together (what the strategy needs
 * from the budget and the space). Keeps going after errors so the user sees them all at once.
 */
final class SearchSpecParser {

    static final List<String> FIELDS = List.of("name", "dataset", "strategy", "maxTrials", "seed",
            "validationFraction", "maxFailedTrials", "space", "pruner", "coarseToFine", "validation", "sanityCheck", "tpe");

    private SearchSpecParser() {
    }

    static SearchSpec parse(Map<String, ?> raw, SearchLimits limits) {
        return parse(raw, limits, false);
    }

    /**
     * A stored spec: no caps, its text kept as accepted then (a running search must go on parsing), and its space
     * read with the precision it was stored with ({@link StoredSpace#specAsStored}).
     */
    static SearchSpec parseStored(Map<String, ?> raw) {
        return parse(StoredSpace.specAsStored(raw), SearchLimits.NONE, true);
    }

    private static SearchSpec parse(Map<String, ?> raw, SearchLimits limits, boolean stored) {
        Errors errors = new Errors();
        boolean listed = false; // the list of fields once, not per unknown key (60,000 keys, 60,000 lists)
        for (String key : new TreeSet<>(raw.keySet())) {
            if (!FIELDS.contains(key)) {
                errors.add(key, "unknown field" + Suggestions.didYouMean(key, FIELDS) + (listed ? "" : "; expected " + FIELDS));
                listed = true;
            }
        }
        String name = text(raw, "name", SearchSpec.MAX_NAME_LENGTH, stored, errors);
        String dataset = text(raw, "dataset", SearchSpec.MAX_DATASET_LENGTH, stored, errors);
        StrategyType strategy = strategy(raw.get("strategy"), errors);
        Integer maxTrials = optionalInt(raw, "maxTrials", 1, errors);
        Long seed = seed(raw.get("seed"), errors);
        Double validationFraction = validationFraction(raw, errors);
        Integer maxFailedTrials = optionalInt(raw, "maxFailedTrials", 0, errors);
        Space space = space(raw.get("space"), errors);
        PrunerSpec pruner = PrunerSpecParser.parse(raw.get("pruner"), "pruner", errors);
        Integer folds = folds(raw, errors);
        boolean sanityCheck = flag(raw, "sanityCheck", errors);
        CoarseToFine coarseToFine = coarseToFine(raw, strategy, errors);
        TpeSettings tpe = tpe(raw.get("tpe"), strategy, errors);

        boolean sampled = strategy == StrategyType.RANDOM || strategy == StrategyType.TPE;
        if (sampled && raw.get("maxTrials") == null) {
            errors.add("maxTrials", "required for the " + strategy.wireName() + " strategy");
        } else if (sampled && maxTrials != null && maxTrials > limits.maxRandomTrials()) {
            errors.add("maxTrials", "must be at most " + limits.maxRandomTrials() + " for a " + strategy.wireName()
                    + " search, was " + maxTrials);
        }
        if (strategy == StrategyType.GRID && space != null) {
            checkGrid(space, limits, errors);
        }
        if (coarseToFine != null) {
            maxTrials = coarseToFineBudget(coarseToFine, raw.get("maxTrials"), maxTrials, limits, errors);
        }
        if (space != null && pruner != null) {
            checkPrunerAgainstEpochs(pruner, space, errors);
        }
        errors.throwIfAny();
        return new SearchSpec(name, dataset, strategy, maxTrials, seed, validationFraction, maxFailedTrials, space,
                pruner, coarseToFine, folds, sanityCheck, tpe);
    }

    /** Defaults with the tpe strategy when absent; refused with the others, where it would be silently ignored. */
    private static TpeSettings tpe(Object v, StrategyType strategy, Errors errors) {
        if (strategy != StrategyType.TPE) {
            if (v != null && strategy != null) {
                errors.add("tpe", "only used by the tpe strategy, not " + strategy.wireName());
            }
            return null;
        }
        return TpeParser.parse(v, "tpe", errors);
    }

    /** Required with coarse-to-fine and refused with the other strategies, where it would be silently ignored. */
    private static CoarseToFine coarseToFine(Map<String, ?> raw, StrategyType strategy, Errors errors) {
        Object v = raw.get("coarseToFine");
        if (strategy == StrategyType.COARSE_TO_FINE && v == null) {
            errors.add("coarseToFine", "required for this strategy: {stages?, trialsPerStage, topFraction?}");
            return null;
        }
        if (v == null) {
            return null;
        }
        if (strategy != StrategyType.COARSE_TO_FINE) {
            if (strategy != null) {
                errors.add("coarseToFine", "only used by the coarse-to-fine strategy, not " + strategy.wireName());
            }
            return null;
        }
        return CoarseToFineParser.parse(v, "coarseToFine", errors);
    }

    /** The whole budget of a coarse-to-fine search: stages x trialsPerStage, within the random cap. */
    private static Integer coarseToFineBudget(CoarseToFine c, Object rawMaxTrials, Integer maxTrials,
                                              SearchLimits limits, Errors errors) {
        long total = c.totalTrials();
        if (total > limits.maxRandomTrials()) {
            errors.add("coarseToFine", "stages x trialsPerStage = " + total + " trials, more than the cap of "
                    + limits.maxRandomTrials());
            return maxTrials;
        }
        if (rawMaxTrials != null && maxTrials != null && maxTrials != total) {
            errors.add("maxTrials", "must equal stages x trialsPerStage (" + total
                    + ") for coarse-to-fine, or be left out; was " + maxTrials);
        }
        return (int) total;
    }

    /** A pruner that can never act is a mistake in the spec, not a silent no-op. */
    private static void checkPrunerAgainstEpochs(PrunerSpec pruner, Space space, Errors errors) {
        long maxEpochs = space.largestInt(MlpParameters.EPOCHS);
        if (pruner instanceof PrunerSpec.Asha a && a.minEpochs() >= maxEpochs) {
            errors.add("pruner.asha.minEpochs", "must be below the largest epochs in the space (" + maxEpochs
                    + "), or no trial ever reaches a rung; was " + a.minEpochs());
        } else if (pruner instanceof PrunerSpec.Median m && m.warmupEpochs() >= maxEpochs) {
            errors.add("pruner.median.warmupEpochs", "must be below the largest epochs in the space (" + maxEpochs
                    + "), or no trial is ever judged; was " + m.warmupEpochs());
        }
    }

    /** {@code validation: {"folds": k}}, the cross-validation alternative to validationFraction. */
    private static Integer folds(Map<String, ?> raw, Errors errors) {
        Object v = raw.get("validation");
        if (v == null) {
            return null;
        }
        if (raw.get("validationFraction") != null) {
            errors.add("validation", "give either validationFraction (a holdout) or validation.folds "
                    + "(cross-validation), not both");
            return null;
        }
        if (!(v instanceof Map<?, ?> o)) {
            errors.add("validation", "must be an object {\"folds\": k}, was " + Values.describe(v));
            return null;
        }
        for (Object key : o.keySet()) {
            if (!"folds".equals(key)) {
                String k = String.valueOf(key);
                errors.add("validation." + k, "unknown setting" + Suggestions.didYouMean(k, List.of("folds"))
                        + "; expected {\"folds\": k}");
            }
        }
        Object k = o.get("folds");
        Long x = Values.integral(k);
        if (k == null) {
            errors.add("validation.folds", "required: the number of folds, in [" + SearchSpec.MIN_FOLDS + ", "
                    + SearchSpec.MAX_FOLDS + "]");
        } else if (x == null || x < SearchSpec.MIN_FOLDS || x > SearchSpec.MAX_FOLDS) {
            errors.add("validation.folds", "must be an integer in [" + SearchSpec.MIN_FOLDS + ", "
                    + SearchSpec.MAX_FOLDS + "], was " + Values.describe(k));
        } else {
            return x.intValue();
        }
        return null;
    }

    private static boolean flag(Map<String, ?> raw, String key, Errors errors) {
        Object v = raw.get(key);
        if (v == null) {
            return false;
        }
        if (!(v instanceof Boolean b)) {
            errors.add(key, "must be true or false, was " + Values.describe(v));
            return false;
        }
        return b;
    }

    /** A string to store: the same rule on every database (no NUL, no lone surrogate), decided here. */
    private static String text(Map<String, ?> raw, String key, int maxLength, boolean stored, Errors errors) {
        Object v = raw.get(key);
        String problem;
        if (v == null) {
            errors.add(key, "required");
        } else if (!(v instanceof String s) || s.isBlank()) {
            errors.add(key, "must be a non-blank string, was " + Values.describe(v));
        } else if (!stored && (problem = StoredText.problem(s, maxLength)) != null) {
            errors.add(key, problem);
        } else {
            return s;
        }
        return null;
    }

    private static StrategyType strategy(Object v, Errors errors) {
        if (v == null) {
            errors.add("strategy", "required; one of " + StrategyType.wireNames());
            return null;
        }
        StrategyType t = v instanceof String s ? StrategyType.fromWireName(s).orElse(null) : null;
        if (t == null) {
            String hint = v instanceof String s ? Suggestions.didYouMean(s, StrategyType.wireNames()) : "";
            errors.add("strategy", "unknown strategy " + Values.describe(v) + hint + "; one of " + StrategyType.wireNames());
        }
        return t;
    }

    private static Integer optionalInt(Map<String, ?> raw, String key, int min, Errors errors) {
        Object v = raw.get(key);
        if (v == null) {
            return null;
        }
        Long x = Values.integral(v);
        if (x == null || x < min || x > Integer.MAX_VALUE) {
            errors.add(key, "must be an integer >= " + min + ", was " + Values.describe(v));
            return null;
        }
        return x.intValue();
    }

    private static Long seed(Object v, Errors errors) {
        if (v == null) {
            errors.add("seed", "required: any 64-bit integer; it makes the search replayable");
            return null;
        }
        Long x = Values.integral(v);
        if (x == null) {
            errors.add("seed", "must be a 64-bit integer, was " + Values.describe(v));
        }
        return x;
    }

    private static Double validationFraction(Map<String, ?> raw, Errors errors) {
        Object v = raw.get("validationFraction");
        if (v == null) {
            return SearchSpec.DEFAULT_VALIDATION_FRACTION;
        }
        Interval allowed = new Interval(0, false, SearchSpec.MAX_VALIDATION_FRACTION, true);
        if (!(v instanceof Number n) || !allowed.contains(n.doubleValue())) {
            errors.add("validationFraction", "must be a number in " + allowed + ", was " + Values.describe(v));
            return null;
        }
        return n.doubleValue();
    }

    private static Space space(Object v, Errors errors) {
        if (v == null) {
            return Space.defaults();
        }
        if (!(v instanceof Map<?, ?> m)) {
            errors.add("space", "must be an object mapping parameter names to values or distributions, was "
                    + Values.describe(v));
            return null;
        }
        return Space.parse(m, "space", errors);
    }

    /** Every range needs grid points, and the grid's size (computed, not enumerated) must fit the cap. */
    private static void checkGrid(Space space, SearchLimits limits, Errors errors) {
        boolean pointsMissing = false;
        for (Map.Entry<String, Distribution> e : space.distributions().entrySet()) {
            if (e.getValue() instanceof Distribution.FloatRange r && r.points() == null) {
                errors.add("space." + e.getKey() + ".floatRange.points",
                        "required for the grid strategy (how many values between min and max)");
                pointsMissing = true;
            }
        }
        if (pointsMissing) {
            return;
        }
        try {
            long size = space.gridSize();
            if (size > limits.maxGridSize()) {
                errors.add("space", "grid too large: " + size + " combinations, more than the cap of "
                        + limits.maxGridSize() + "; narrow the space or use the random strategy");
            }
        } catch (ArithmeticException overflow) {
            errors.add("space", "grid too large: more than 2^63-1 combinations (cap " + limits.maxGridSize()
                    + "); narrow the space or use the random strategy");
        }
    }
}
