package dev.hypersearch.api;

import dev.hypersearch.store.SearchLifecycle;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Live progress of one search as server-sent events. */
@RestController
public class SearchEventController {

    private final SearchSummaries searches;
    private final SearchLifecycle lifecycle;
    private final SearchEventBroadcaster broadcaster;

    public SearchEventController(SearchSummaries searches, SearchLifecycle lifecycle,
                                 SearchEventBroadcaster broadcaster) {
        this.searches = searches;
        this.lifecycle = lifecycle;
        this.broadcaster = broadcaster;
    }

    @Operation(summary = "Server-sent events: `search` {searchId, status} first and on every change, `trial`"
            + " {searchId, trialId, number, status, epoch} as trials are claimed, report epochs and end (at most"
            + " every 250 ms the latest per trial; epochs only from this process's workers, claims and ends from"
            + " any process); the stream ends after the search's final `search` event")
    @GetMapping(path = "/api/searches/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public SseEmitter events(@PathVariable long id) {
        searches.find(id);
        return broadcaster.subscribe(id, () -> lifecycle.statusOf(id));
    }
}
