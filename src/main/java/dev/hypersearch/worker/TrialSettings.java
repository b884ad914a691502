package dev.hypersearch.worker;

import dev.hypersearch.search.PrunerSpec;
import dev.hypersearch.search.SearchSpec;
import java.util.Map;

/**
 * What running one trial needs from its search's stored spec: how it is validated (a holdout fraction, or k
 * folds) and which pruner may stop it. Read field by field rather than re-validating the whole spec, so a
 * stored search keeps running whatever limits the service has now.
 *
 * @param folds null for a holdout
 */
record TrialSettings(double validationFraction, Integer folds, PrunerSpec pruner) {

    static TrialSettings of(Map<String, Object> spec) {
        Object fraction = spec.get("validationFraction");
        Integer folds = spec.get("validation") instanceof Map<?, ?> v && v.get("folds") instanceof Number k
                ? k.intValue() : null;
        return new TrialSettings(fraction instanceof Number n ? n.doubleValue() : SearchSpec.DEFAULT_VALIDATION_FRACTION,
                folds, PrunerSpec.parse(spec.get("pruner")));
    }

    boolean prunes() {
        return !(pruner instanceof PrunerSpec.None);
    }
}
