package dev.hypersearch.worker;

import dev.hypersearch.data.table.Table;
import dev.hypersearch.store.TableSource;
import dev.hypersearch.trial.DataPreparation;
import dev.hypersearch.trial.PreparedData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Split and preprocessed data per (data set, validation fraction or k folds, seed): every trial of a search
 * shares one, so a worker loads a data set and fits its pipelines once, not once per trial. The rows come from
 * one {@link TableSource} (data set name to table).
 */
@Component
@ConditionalOnWorkers
class PreparedDataCache {

    private static final int CAPACITY = 16;

    /** {@code folds} is 0 for a holdout, {@code validationFraction} 0 for k folds. */
    private record Key(String dataset, double validationFraction, int folds, long seed) {
    }

    private final TableSource tables;
    private final Map<Key, List<PreparedData>> cache = new LinkedHashMap<>(CAPACITY, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, List<PreparedData>> eldest) {
            return size() > CAPACITY;
        }
    };

    PreparedDataCache(TableSource tables) {
        this.tables = tables;
    }

    PreparedData get(String dataset, double validationFraction, long seed) {
        return get(new Key(dataset, validationFraction, 0, seed),
                d -> List.of(DataPreparation.holdout(d, validationFraction, seed))).get(0);
    }

    /** The k folds of {@link DataPreparation#kFold}, each preprocessed by a pipeline fitted on its own training part. */
    List<PreparedData> folds(String dataset, int k, long seed) {
        return get(new Key(dataset, 0, k, seed), d -> DataPreparation.kFold(d, k, seed));
    }

    private List<PreparedData> get(Key key, Function<Table, List<PreparedData>> prepare) {
        synchronized (cache) {
            List<PreparedData> hit = cache.get(key);
            if (hit != null) {
                return hit;
            }
        }
        List<PreparedData> prepared = prepare.apply(tables.table(key.dataset())
                .orElseThrow(() -> new IllegalStateException("dataset '" + key.dataset() + "' no longer exists")));
        synchronized (cache) {
            cache.put(key, prepared);
        }
        return prepared;
    }
}
