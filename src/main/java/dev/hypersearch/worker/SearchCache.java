package dev.hypersearch.worker;

import dev.hypersearch.store.SearchEntity;
import dev.hypersearch.store.SearchRepository;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The searches this process's workers are running, read once each: a trial needs its search's dataset, seed
 * and spec, which never change, so the worker does not read the search row again for every trial (that read
 * was the largest cost of a short trial). The search's status, which does change, comes with each claim.
 */
@Component
class SearchCache {

    private static final int CAPACITY = 64;

    private final SearchRepository searches;
    private final Map<Long, SearchEntity> cache = new LinkedHashMap<>(CAPACITY, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, SearchEntity> eldest) {
            return size() > CAPACITY;
        }
    };

    SearchCache(SearchRepository searches) {
        this.searches = searches;
    }

    /** The search as first read by this process: use it for its immutable fields only, not its status. */
    SearchEntity get(long searchId) {
        synchronized (cache) {
            SearchEntity hit = cache.get(searchId);
            if (hit != null) {
                return hit;
            }
        }
        SearchEntity search = searches.findById(searchId).orElseThrow();
        synchronized (cache) {
            cache.put(searchId, search);
        }
        return search;
    }
}
