package dev.hypersearch.worker;

import dev.hypersearch.store.SearchRepository;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The settings of the searches this process's workers are running, read once each: a trial needs its search's
 * dataset, seed, validation and pruner, which never change, so the worker does not read and parse the search
 * row again for every trial (that read was the largest cost of a short trial). The search's status, which does
 * change, comes with each claim.
 */
@Component
@ConditionalOnWorkers
class SearchCache {

    private static final int CAPACITY = 64;

    private final SearchRepository searches;
    private final Map<Long, SearchSettings> cache = new LinkedHashMap<>(CAPACITY, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, SearchSettings> eldest) {
            return size() > CAPACITY;
        }
    };

    SearchCache(SearchRepository searches) {
        this.searches = searches;
    }

    SearchSettings get(long searchId) {
        synchronized (cache) {
            SearchSettings hit = cache.get(searchId);
            if (hit != null) {
                return hit;
            }
        }
        SearchSettings settings = SearchSettings.of(searches.findById(searchId).orElseThrow().searchSpec());
        synchronized (cache) {
            cache.put(searchId, settings);
        }
        return settings;
    }
}
