package dev.hypersearch.store;

import dev.hypersearch.search.SearchSpec;
import dev.hypersearch.search.StoredSpace;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds search rows for tests that store searches without the API: the raw spec is stored as given, its space
 * naming its precision as a submission's does (a stored space without precision is an older search's, float64).
 */
public final class SearchEntities {

    private SearchEntities() {
    }

    public static SearchEntity of(Map<String, Object> rawSpec, int trialCount, Instant createdAt) {
        return new SearchEntity(SearchSpec.parse(rawSpec), stored(rawSpec), trialCount, createdAt);
    }

    /** The raw spec with its space's precision named (the default when not given), as submissions store it. */
    public static Map<String, Object> stored(Map<String, Object> rawSpec) {
        Map<String, Object> stored = new LinkedHashMap<>(rawSpec);
        stored.put("space", StoredSpace.atSubmission((Map<?, ?>) rawSpec.get("space")));
        return stored;
    }
}
