package dev.hypersearch.store;

import dev.hypersearch.search.SearchSpec;
import java.time.Instant;
import java.util.Map;

/** Builds search rows for tests that store searches without the API: the raw spec is stored as given. */
public final class SearchEntities {

    private SearchEntities() {
    }

    public static SearchEntity of(Map<String, Object> rawSpec, int trialCount, Instant createdAt) {
        return new SearchEntity(SearchSpec.parse(rawSpec), rawSpec, trialCount, createdAt);
    }
}
