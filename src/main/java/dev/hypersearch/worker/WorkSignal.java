package dev.hypersearch.worker;

import dev.hypersearch.store.SearchChangedEvent;
import dev.hypersearch.store.SearchStatus;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Wakes idle workers as soon as a search is submitted (or its sanity check passed) in this process instead of at
 * their next poll.
 */
@Component
@ConditionalOnWorkers
class WorkSignal {

    private long generation;

    @EventListener
    void onSearchChanged(SearchChangedEvent event) {
        if (event.status() == SearchStatus.RUNNING || event.status() == SearchStatus.CHECKING) {
            wakeAll();
        }
    }

    synchronized void wakeAll() {
        generation++;
        notifyAll();
    }

    /** The wake-ups so far: read before looking for work, and passed to {@link #await(long, long)}. */
    synchronized long generation() {
        return generation;
    }

    /**
     * Waits up to {@code millis} or until woken, unless a wake-up came after {@code seen} was read: a search
     * submitted while the worker was finding no work is not left waiting for the next poll. Spurious wake-ups
     * only cost one extra claim query.
     */
    synchronized void await(long seen, long millis) throws InterruptedException {
        if (seen == generation) {
            wait(millis);
        }
    }

    /** Waits up to {@code millis} or until woken. */
    synchronized void await(long millis) throws InterruptedException {
        wait(millis);
    }
}
