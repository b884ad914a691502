package dev.hypersearch.worker;

import dev.hypersearch.store.DatasetCatalog;
import dev.hypersearch.trial.DataPreparation;
import dev.hypersearch.trial.PreparedData;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Split and standardized data per (data set, validation fraction, seed): every trial of a search shares
 * one, so a worker parses and scales a data set once, not once per trial.
 */
@Component
class PreparedDataCache {

    private static final int CAPACITY = 16;

    private record Key(String dataset, double validationFraction, long seed) {
    }

    private final DatasetCatalog catalog;
    private final Map<Key, PreparedData> cache = new LinkedHashMap<>(CAPACITY, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, PreparedData> eldest) {
            return size() > CAPACITY;
        }
    };

    PreparedDataCache(DatasetCatalog catalog) {
        this.catalog = catalog;
    }

    PreparedData get(String dataset, double validationFraction, long seed) {
        Key key = new Key(dataset, validationFraction, seed);
        synchronized (cache) {
            PreparedData hit = cache.get(key);
            if (hit != null) {
                return hit;
            }
        }
        PreparedData prepared = DataPreparation.holdout(catalog.load(dataset)
                .orElseThrow(() -> new IllegalStateException("dataset '" + dataset + "' no longer exists")),
                validationFraction, seed);
        synchronized (cache) {
            cache.put(key, prepared);
        }
        return prepared;
    }
}
