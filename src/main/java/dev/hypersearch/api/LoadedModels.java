package dev.hypersearch.api;

import dev.hypersearch.model.ModelCodec;
import dev.hypersearch.model.TrainedModel;
import dev.hypersearch.store.ModelJobs;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * READY models read from the database and kept in this process, the most recently used {@value #CAPACITY}: a
 * model never changes once READY, so a cached one stays right until it is deleted (then dropped here; another
 * process's delete is seen by the status lookup that precedes every use).
 */
@Component
class LoadedModels {

    static final int CAPACITY = 32;

    private final ModelJobs jobs;
    private final Map<Long, TrainedModel> cache = new LinkedHashMap<>(CAPACITY, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, TrainedModel> eldest) {
            return size() > CAPACITY;
        }
    };

    LoadedModels(ModelJobs jobs) {
        this.jobs = jobs;
    }

    /** The READY model, loaded once. */
    Optional<TrainedModel> get(long id) {
        synchronized (cache) {
            TrainedModel cached = cache.get(id);
            if (cached != null) {
                return Optional.of(cached);
            }
        }
        Optional<TrainedModel> loaded = jobs.weights(id).map(ModelCodec::read);
        loaded.ifPresent(m -> {
            synchronized (cache) {
                cache.put(id, m);
            }
        });
        return loaded;
    }

    void evict(long id) {
        synchronized (cache) {
            cache.remove(id);
        }
    }
}
