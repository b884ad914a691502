package dev.hypersearch.api;

import dev.hypersearch.search.TrialStatus;
import dev.hypersearch.store.SearchChangedEvent;
import dev.hypersearch.store.TrialCounters;
import jakarta.annotation.PreDestroy;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.LongUnaryOperator;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Answers about a search computed once per change of the search (or per interval) and shared by every viewer, off
 * the viewers' requests; security checks stay on each request, only the computed answer is shared. Two kinds:
 * <ul>
 * <li>{@link #get aggregates} (charts, importance): kept with the search's count of ended trials (its counters,
 * one cheap read). While the search runs, a viewer gets the kept answer at once, even if trials ended since, and
 * one background thread brings it up to date at most every {@link SharedAnswer#interval} (a second, more for costly answers);
 * it keeps doing so while viewers read it (each open page asks every 2 s), so a page never waits for a scan of the
 * search's trials unless it is the first to look or the answer is long out of date ({@link #MAX_STALE_NANOS}).</li>
 * <li>{@link #live live reads} (the search's summary, leaderboard pages, the searches list): every trial's claim
 * and end changes them, so while the search runs an answer is served for at most {@link #LIVE_MAX_AGE_NANOS}
 * (about a second; the page gets live rows from the event stream meanwhile), and brought up to date in the
 * background every {@link #LIVE_REFRESH_NANOS} while read: many viewers of a running search cost one computation
 * per interval, not one per request.</li>
 * </ul>
 * Once the search has ended (its status finished, nothing queued or running), an answer is served only if it saw
 * every ended trial: the last refresh after the end is exact. A search's change of status (submitted, cancelled,
 * ended: {@link SearchChangedEvent}) drops its answers and the searches list at once, and an answer computed
 * across such a change is not kept. So within its interval a kept answer is served on its age alone, without
 * reading the search's version (counters and status: a query per request was most of a kept answer's cost); the
 * version is read by the background refresh, or on a request once the interval has passed.
 */
@Component
class SharedReads {

    /** How often a kept aggregate of a running search is brought up to date while it is read. */
    static final long MIN_AGE_NANOS = 1_000_000_000L;
    /** A kept aggregate older than this is recomputed on the request (a search whose trials end rarely). */
    static final long MAX_STALE_NANOS = 5_000_000_000L;
    /** Kept aggregates are refreshed in the background while read within this long. */
    static final long KEEP_WARM_NANOS = 5_000_000_000L;
    /** How often a live answer of a running search is brought up to date while it is read. */
    static final long LIVE_REFRESH_NANOS = 500_000_000L;
    /** The oldest live answer of a running search served; an older one is recomputed on the request. */
    static final long LIVE_MAX_AGE_NANOS = 1_000_000_000L;
    /** Live answers are refreshed in the background while read within this long (a page polls every ~0.5 s). */
    static final long LIVE_KEEP_WARM_NANOS = 2_000_000_000L;
    /** The search id of answers about every search (the searches list): always live, dropped on any change. */
    static final long ALL_SEARCHES = 0;
    /** The version of a search that does not exist. */
    static final long NO_SUCH_SEARCH = Long.MIN_VALUE;
    static final int MAX_ENTRIES = 512;
    private static final Logger log = LoggerFactory.getLogger(SharedReads.class);

    /** What is read ({@code what}: "charts", "importance", "board"...) of which search, with which query. */
    record Key(long searchId, String what, Object query) {
    }

    private final Map<Key, SharedAnswer> entries = new ConcurrentHashMap<>();
    /** Counts the searches' changes of status ({@link #forget}): an answer computed across one is not kept. */
    private final AtomicLong changes = new AtomicLong();
    /** Searches known to have ended (their event, or an answer that saw the status): see {@link #seenFinished}. */
    private final Set<Long> ended = ConcurrentHashMap.newKeySet();
    private final Map<Key, Object> locks = new ConcurrentHashMap<>();
    /** Keys with a background refresh scheduled or running. */
    private final Map<Key, Boolean> refreshing = new ConcurrentHashMap<>();
    private final ScheduledExecutorService background = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "shared-reads");
        t.setDaemon(true);
        return t;
    });
    /** A search's version (see {@link #version}); {@link #NO_SUCH_SEARCH} if there is none. */
    private final LongUnaryOperator versions;
    /** Runs a background computation: in a read-only transaction of its own. */
    private final Function<Supplier<?>, Object> inBackground;
    /** The clock (nanoseconds). */
    private final LongSupplier clock;
    /** Runs a refresh after a delay in nanoseconds: on {@link #background}. */
    private final BiConsumer<Runnable, Long> later;

    @Autowired
    SharedReads(TrialCounters counters, PlatformTransactionManager transactions) {
        TransactionTemplate readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        this.versions = id -> counters.withStatus(id)
                .map(c -> version(c.counts(), c.status().isFinished())).orElse(NO_SUCH_SEARCH);
        this.inBackground = compute -> readOnly.execute(tx -> compute.get());
        this.clock = System::nanoTime;
        this.later = this::onBackground;
    }

    /** With the versions of searches given (tests). */
    SharedReads(LongUnaryOperator versions) {
        this.versions = versions;
        this.inBackground = Supplier::get;
        this.clock = System::nanoTime;
        this.later = this::onBackground;
    }

    /** With the versions of searches, the clock and what runs refreshes given (tests, without threads). */
    SharedReads(LongUnaryOperator versions, LongSupplier clock, BiConsumer<Runnable, Long> later) {
        this.versions = versions;
        this.inBackground = Supplier::get;
        this.clock = clock;
        this.later = later;
    }

    private void onBackground(Runnable task, long delayNanos) {
        background.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
    }

    /**
     * The kept aggregate for the key, or {@code compute}'s. {@code compute} may run on the background thread (in a
     * read-only transaction of its own), so it must not use the caller's transaction's entities lazily.
     *
     * @throws NotFoundException if the key's search does not exist
     */
    <T> T get(Key key, Supplier<T> compute) {
        return read(key, compute, false);
    }

    /**
     * The kept live answer for the key if it is recent enough (see the class comment), or {@code compute}'s; the
     * same rules for {@code compute} as {@link #get}'s. A key of {@link #ALL_SEARCHES} is always treated as of a
     * running search.
     *
     * @throws NotFoundException if the key's search does not exist
     */
    <T> T live(Key key, Supplier<T> compute) {
        return read(key, compute, true);
    }

    @SuppressWarnings("unchecked")
    private <T> T read(Key key, Supplier<T> compute, boolean live) {
        long now = clock.getAsLong();
        SharedAnswer e = entries.get(key);
        if (e != null && e.currentWithoutCheck(now)) { // most reads: no query at all
            e.readAt = now;
            return (T) e.value;
        }
        long seen = changes.get();
        long version = versionOf(key.searchId());
        if (version == NO_SUCH_SEARCH) {
            throw new NotFoundException("search", key.searchId());
        }
        if (e != null) {
            e.readAt = now;
            if (e.fresh(version, now)) {
                e.checkedAt = now;
                return (T) e.value;
            }
            if (e.servable(version, now)) {
                scheduleRefresh(key, Math.max(0, e.computedAt + e.interval() - now));
                return (T) e.value;
            }
        }
        synchronized (locks.computeIfAbsent(key, k -> new Object())) {
            e = entries.get(key);
            now = clock.getAsLong();
            if (e != null && (e.fresh(version, now) || e.servable(version, now))) {
                return (T) e.value;
            }
            long start = now;
            T value = compute.get();
            keep(key, seen, new SharedAnswer(version, start, clock.getAsLong() - start, value, compute, live));
            return value;
        }
    }

    private long versionOf(long searchId) {
        return searchId == ALL_SEARCHES ? 0 : versions.applyAsLong(searchId);
    }

    /**
     * Keeps an answer unless a search changed status since its version was read ({@code seen}): it may have been
     * computed from the search as it was before, and is served without a check for an interval once kept.
     */
    private void keep(Key key, long seen, SharedAnswer e) {
        if (changes.get() == seen) {
            put(key, e);
        }
    }

    /**
     * The search's count of ended trials; negative ({@code -1 - ended}) once the search has ended and none of its
     * trials is queued or running, when only an answer of exactly that count will do.
     */
    static long version(Map<TrialStatus, Long> counts, boolean searchFinished) {
        long ended = counts.entrySet().stream().filter(x -> x.getKey().isTerminal())
                .mapToLong(Map.Entry::getValue).sum();
        boolean idle = counts.get(TrialStatus.QUEUED) + counts.get(TrialStatus.RUNNING) == 0;
        return idle && searchFinished ? -1 - ended : ended;
    }

    /**
     * A search was submitted, cancelled or ended: its answers and the searches list are recomputed when next read.
     * First of the event's listeners: the event stream (another listener) tells pages of the end, and a page then
     * reads everything once more; that read must not get an answer kept from before the end.
     */
    @EventListener
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void onSearchChanged(SearchChangedEvent event) {
        if (event.status().isFinished()) {
            ended.add(event.searchId());
        }
        forget(event.searchId());
    }

    /**
     * An answer being computed saw the search finished (its summary's status). Its end's event may not have been
     * handled yet (the worker that ended it runs at a low priority, and it commits before it publishes), and a page
     * that learns of the end from this answer reads everything once more: answers kept while the search ran are
     * dropped now, once per search, so that read gets none of them.
     */
    void seenFinished(long searchId) {
        if (ended.add(searchId)) {
            forget(searchId);
        }
    }

    /** Drops the kept answers of the search and of every search (the list). */
    void forget(long searchId) {
        changes.incrementAndGet();
        entries.keySet().removeIf(k -> k.searchId() == searchId || k.searchId() == ALL_SEARCHES);
    }

    /**
     * Keeps at most {@link #MAX_ENTRIES} answers (a leaderboard page of 200 rows is some 200 KB): when full, drops
     * those nobody read within {@link #KEEP_WARM_NANOS}, and everything if that is not enough.
     */
    private void put(Key key, SharedAnswer e) {
        if (entries.size() >= MAX_ENTRIES && !entries.containsKey(key)) {
            long now = clock.getAsLong();
            entries.values().removeIf(x -> now - x.readAt >= KEEP_WARM_NANOS);
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
                locks.clear();
            }
        }
        entries.put(key, e);
    }

    private void scheduleRefresh(Key key, long delay) {
        if (refreshing.putIfAbsent(key, Boolean.TRUE) != null) {
            return;
        }
        try {
            later.accept(() -> refresh(key), delay);
        } catch (RuntimeException ex) { // shut down
            refreshing.remove(key);
        }
    }

    /** Recomputes a kept answer if it is no longer up to date; again after its interval while it is read. */
    private void refresh(Key key) {
        try {
            refreshNow(key);
        } catch (RuntimeException ex) {
            log.warn("Refreshing {} of search {} failed: {}", key.what(), key.searchId(), ex.toString());
        } finally {
            refreshing.remove(key);
        }
        SharedAnswer kept = entries.get(key);
        long now = clock.getAsLong();
        if (kept != null && kept.version >= 0
                && now - kept.readAt < (kept.live ? LIVE_KEEP_WARM_NANOS : KEEP_WARM_NANOS)) {
            long due = kept.computedAt + kept.interval() - now;
            scheduleRefresh(key, due > 0 ? due : kept.interval()); // not due yet, or checked just now and kept
        }
    }

    /** Recomputes the kept answer for the key now if it is no longer up to date. */
    private void refreshNow(Key key) {
        if (entries.get(key) == null) {
            return;
        }
        long seen = changes.get();
        long version = versionOf(key.searchId());
        if (version == NO_SUCH_SEARCH) {
            entries.remove(key);
            return;
        }
        synchronized (locks.computeIfAbsent(key, k -> new Object())) {
            SharedAnswer now = entries.get(key);
            long start = clock.getAsLong();
            if (now == null) {
                return;
            }
            if (now.fresh(version, start)) {
                now.checkedAt = start;
                return;
            }
            Object value = inBackground.apply(now.compute);
            SharedAnswer next = new SharedAnswer(version, start, clock.getAsLong() - start, value, now.compute, now.live);
            next.readAt = now.readAt;
            keep(key, seen, next);
        }
    }

    @PreDestroy
    void close() {
        background.shutdownNow();
    }
}
