package dev.hypersearch.store;

import dev.hypersearch.search.TrialParams;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One coarse-to-fine stage to insert: its space in spec form and its trials' parameters, numbered
 * {@code firstTrial, firstTrial + 1, ...} in list order.
 */
public record StageTrials(int stage, int firstTrial, Map<String, Object> space, List<TrialParams> params) {

    public StageTrials {
        if (params.isEmpty()) {
            throw new IllegalArgumentException("a stage needs at least one trial");
        }
        space = Collections.unmodifiableMap(new LinkedHashMap<>(space)); // keeps the space's canonical order
        params = List.copyOf(params);
    }
}
