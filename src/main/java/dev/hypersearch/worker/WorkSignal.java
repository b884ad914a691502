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

    /** Waits up to {@code millis} or until woken; spurious wake-ups only cost one extra claim query. */
    synchronized void await(long millis) throws InterruptedException {
        long seen = generation;
        if (seen == generation) {
            wait(millis);
        }
    }
}
