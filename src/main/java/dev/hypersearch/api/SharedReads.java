package dev.hypersearch.api;

import dev.hypersearch.search.TrialStatus;
import dev.hypersearch.store.TrialCounters;
import jakarta.annotation.PreDestroy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongUnaryOperator;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Aggregates of a search (charts, importance) computed once per change of the search and shared by every viewer,
 * off the viewers' requests. An answer is kept with the search's count of ended trials (its counters, one cheap
 * read). While the search runs, a viewer gets the kept answer at once, even if trials ended since, and one
 * background thread brings it up to date at most every {@link #interval} (a second, more for costly answers); it
 * keeps doing so while viewers read it (each open page asks every 2 s), so a page never waits for a scan of the
 * search's trials unless it is the first to look or the answer is long out of date ({@link #MAX_STALE_NANOS}). Once nothing is queued or running, an
 * answer is served only if it saw every ended trial: the last refresh after the end is exact.
 */
@Component
class SharedReads {

    /** How often a kept answer of a running search is brought up to date while it is read. */
    static final long MIN_AGE_NANOS = 1_000_000_000L;
    /** A kept answer older than this is recomputed on the request (a search whose trials end rarely). */
    static final long MAX_STALE_NANOS = 5_000_000_000L;
    /** Kept answers are refreshed in the background while read within this long. */
    static final long KEEP_WARM_NANOS = 5_000_000_000L;
    private static final int MAX_ENTRIES = 512;
    private static final Logger log = LoggerFactory.getLogger(SharedReads.class);

    /** What is read ({@code what}: "charts", "importance") of which search, with which query. */
    record Key(long searchId, String what, Object query) {
    }

    private static final class Entry {
        final long version;
        final long computedAt;
        /** How long computing it took: refreshes of costly answers are spaced out ({@link #interval}). */
        final long tookNanos;
        final Object value;
        final Supplier<?> compute;
        volatile long readAt;

        Entry(long version, long computedAt, long tookNanos, Object value, Supplier<?> compute) {
            this.version = version;
            this.computedAt = computedAt;
            this.tookNanos = tookNanos;
            this.value = value;
            this.compute = compute;
            this.readAt = computedAt;
        }
    }

    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
    private final Map<Key, Object> locks = new ConcurrentHashMap<>();
    /** Keys with a background refresh scheduled or running. */
    private final Map<Key, Boolean> refreshing = new ConcurrentHashMap<>();
    private final ScheduledExecutorService background = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "shared-reads");
        t.setDaemon(true);
        return t;
    });
    /** A search's version (see {@link #version}). */
    private final LongUnaryOperator versions;
    /** Runs a background computation: in a read-only transaction of its own. */
    private final Function<Supplier<?>, Object> inBackground;

    @Autowired
    SharedReads(TrialCounters counters, PlatformTransactionManager transactions) {
        TransactionTemplate readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        this.versions = id -> version(counters.of(id));
        this.inBackground = compute -> readOnly.execute(tx -> compute.get());
    }

    /** With the versions of searches given (tests). */
    SharedReads(LongUnaryOperator versions) {
        this.versions = versions;
        this.inBackground = Supplier::get;
    }

    /**
     * The kept answer for the key, or {@code compute}'s. {@code compute} may run on the background thread (in a
     * read-only transaction of its own), so it must not use the caller's transaction's entities lazily.
     */
    @SuppressWarnings("unchecked")
    <T> T get(Key key, Supplier<T> compute) {
        long version = versions.applyAsLong(key.searchId());
        long now = System.nanoTime();
        Entry e = entries.get(key);
        if (e != null) {
            e.readAt = now;
            if (e.version == version) {
                return (T) e.value;
            }
            if (version >= 0 && servable(e, now)) {
                scheduleRefresh(key, Math.max(0, e.computedAt + interval(e) - now));
                return (T) e.value;
            }
        }
        synchronized (locks.computeIfAbsent(key, k -> new Object())) {
            e = entries.get(key);
            if (e != null && (e.version == version || version >= 0 && servable(e, System.nanoTime()))) {
                return (T) e.value;
            }
            long start = System.nanoTime();
            T value = compute.get();
            put(key, new Entry(version, start, System.nanoTime() - start, value, compute));
            return value;
        }
    }

    /**
     * How often a kept answer is brought up to date: every {@link #MIN_AGE_NANOS}, or less often for an answer
     * that takes long to compute (importance over 100,000 trials), so the refreshes of one answer take at most
     * a tenth of a core whatever the number of viewers.
     */
    private static long interval(Entry e) {
        return Math.max(MIN_AGE_NANOS, 10 * e.tookNanos);
    }

    /** Whether a kept answer of a running search may be served while it is brought up to date. */
    private static boolean servable(Entry e, long now) {
        return now - e.computedAt < interval(e) + MAX_STALE_NANOS;
    }

    /**
     * The search's count of ended trials; negative ({@code -1 - ended}) once none is queued or running, when
     * only an answer of exactly that count will do.
     */
    static long version(Map<TrialStatus, Long> counts) {
        long ended = counts.entrySet().stream().filter(x -> x.getKey().isTerminal())
                .mapToLong(Map.Entry::getValue).sum();
        return counts.get(TrialStatus.QUEUED) + counts.get(TrialStatus.RUNNING) == 0 ? -1 - ended : ended;
    }

    private void put(Key key, Entry e) {
        if (entries.size() >= MAX_ENTRIES && !entries.containsKey(key)) {
            entries.clear();
            locks.clear();
        }
        entries.put(key, e);
    }

    private void scheduleRefresh(Key key, long delay) {
        if (refreshing.putIfAbsent(key, Boolean.TRUE) != null) {
            return;
        }
        try {
            background.schedule(() -> refresh(key), delay, TimeUnit.NANOSECONDS);
        } catch (RuntimeException ex) { // shut down
            refreshing.remove(key);
        }
    }

    /** Recomputes a kept answer if its search moved on; again after {@link #MIN_AGE_NANOS} while it is read. */
    private void refresh(Key key) {
        Entry e = entries.get(key);
        try {
            if (e == null) {
                return;
            }
            long version = versions.applyAsLong(key.searchId());
            if (version != e.version) {
                synchronized (locks.computeIfAbsent(key, k -> new Object())) {
                    Entry now = entries.get(key);
                    if (now != null && now.version != version) {
                        long start = System.nanoTime();
                        Object value = inBackground.apply(now.compute);
                        Entry next = new Entry(version, start, System.nanoTime() - start, value, now.compute);
                        next.readAt = now.readAt;
                        put(key, next);
                        e = next;
                    }
                }
            }
        } catch (RuntimeException ex) {
            log.warn("Refreshing {} of search {} failed: {}", key.what(), key.searchId(), ex.toString());
        } finally {
            refreshing.remove(key);
        }
        Entry kept = entries.get(key);
        if (kept != null && kept.version >= 0 && System.nanoTime() - kept.readAt < KEEP_WARM_NANOS) {
            scheduleRefresh(key, interval(kept));
        }
    }

    @PreDestroy
    void close() {
        background.shutdownNow();
    }
}
