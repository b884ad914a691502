package dev.hypersearch.search;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the API shows for one coarse-to-fine stage: its number (from 1), its trial numbers
 * {@code [firstTrial, firstTrial + trialCount)} and its space in spec form ({@link Space#toRaw}), which is
 * also what the service stores to rebuild the stage with {@link Space#parse}.
 */
public record StageSpace(int stage, long firstTrial, int trialCount, Map<String, Object> space) {

    public StageSpace {
        space = Collections.unmodifiableMap(new LinkedHashMap<>(space)); // keeps canonical order
    }
}
