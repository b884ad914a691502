package dev.hypersearch.api;

import dev.hypersearch.search.TrialStatus;
import dev.hypersearch.store.TrialCounters;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Charts computed once per change of a search, not once per viewer: an answer is kept with the search's count
 * of ended trials (its counters, one cheap read) and served again until that count moves. While trials end
 * faster than charts are drawn, one recomputation per search and {@link #MIN_AGE_NANOS} is shared by every
 * viewer; concurrent requests for the same chart wait for one computation instead of each scanning the search.
 */
@Component
class ChartCache {

    /** A chart younger than this is served even when a trial ended since (the page refreshes every 2 s). */
    static final long MIN_AGE_NANOS = 1_000_000_000L;
    private static final int MAX_ENTRIES = 512;

    record Key(long searchId, int topK) {
    }

    private record Entry(long ended, long computedAt, TrialCharts charts) {
    }

    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
    private final Map<Key, Object> locks = new ConcurrentHashMap<>();
    private final TrialCounters counters;

    ChartCache(TrialCounters counters) {
        this.counters = counters;
    }

    TrialCharts get(Key key, Supplier<TrialCharts> compute) {
        Map<TrialStatus, Long> counts = counters.of(key.searchId());
        long ended = counts.entrySet().stream().filter(x -> x.getKey().isTerminal())
                .mapToLong(Map.Entry::getValue).sum();
        // a stale chart only while trials still run: the last refresh after the end sees every trial
        long version = counts.get(TrialStatus.QUEUED) + counts.get(TrialStatus.RUNNING) == 0 ? -1 - ended : ended;
        return get(key, version, compute);
    }

    private TrialCharts get(Key key, long ended, Supplier<TrialCharts> compute) {
        Entry e = entries.get(key);
        if (fresh(e, ended)) {
            return e.charts();
        }
        synchronized (locks.computeIfAbsent(key, k -> new Object())) {
            e = entries.get(key);
            if (fresh(e, ended)) {
                return e.charts();
            }
            TrialCharts charts = compute.get();
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
                locks.clear();
            }
            entries.put(key, new Entry(ended, System.nanoTime(), charts));
            return charts;
        }
    }

    /** @param ended trials ended; negative (-1 - ended) once none is queued or running: then only exact */
    private static boolean fresh(Entry e, long ended) {
        return e != null && (e.ended() == ended
                || ended >= 0 && System.nanoTime() - e.computedAt() < MIN_AGE_NANOS);
    }
}
