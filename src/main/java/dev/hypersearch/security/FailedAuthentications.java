package dev.hypersearch.security;

import java.time.Clock;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed authentications per client address in fixed one-minute windows: past the limit, the address's attempts
 * are refused (429) until its window ends, so guessing tokens costs a minute per few tries. Bounded memory: when
 * many addresses are tracked, windows that have ended are dropped.
 */
final class FailedAuthentications {

    static final long WINDOW_MILLIS = 60_000;
    private static final int MAX_TRACKED = 10_000;

    private record Window(long start, int failures) {
    }

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final int limit;
    private final Clock clock;

    FailedAuthentications(int limit, Clock clock) {
        this.limit = limit;
        this.clock = clock;
    }

    void record(String address) {
        long now = clock.millis();
        if (windows.size() >= MAX_TRACKED) {
            evictEnded(now);
        }
        windows.merge(address, new Window(now, 1), (old, one) ->
                now - old.start() >= WINDOW_MILLIS ? one : new Window(old.start(), old.failures() + 1));
    }

    /** Seconds until the address may try again; 0 when it may now. */
    long blockedForSeconds(String address) {
        Window w = windows.get(address);
        long now = clock.millis();
        if (w == null || w.failures() < limit || now - w.start() >= WINDOW_MILLIS) {
            return 0;
        }
        return Math.max(1, (w.start() + WINDOW_MILLIS - now + 999) / 1000);
    }

    private void evictEnded(long now) {
        for (Iterator<Window> it = windows.values().iterator(); it.hasNext(); ) {
            if (now - it.next().start() >= WINDOW_MILLIS) {
                it.remove();
            }
        }
    }
}
