package dev.hypersearch.worker;

import dev.hypersearch.store.SearchChangedEvent;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.event.EventListener;

/** Lets a test block until a search ends, by the event workers publish, instead of sleeping and polling. */
@TestComponent
class SearchCompletions {

    private final Map<Long, CompletableFuture<SearchChangedEvent>> ends = new ConcurrentHashMap<>();

    CompletableFuture<SearchChangedEvent> of(long searchId) {
        return ends.computeIfAbsent(searchId, id -> new CompletableFuture<>());
    }

    @EventListener
    void on(SearchChangedEvent e) {
        if (e.status().isFinished()) {
            of(e.searchId()).complete(e);
        }
    }
}
