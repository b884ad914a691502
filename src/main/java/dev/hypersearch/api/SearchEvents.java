package dev.hypersearch.api;

import dev.hypersearch.search.TrialStatus;
import dev.hypersearch.store.SearchChangedEvent;
import dev.hypersearch.store.SearchStatus;
import dev.hypersearch.store.TrialChangedEvent;

/** Payloads of the server-sent events of {@code GET /api/searches/{id}/events}. */
final class SearchEvents {

    static final String TRIAL = "trial";
    static final String SEARCH = "search";

    private SearchEvents() {
    }

    /** A trial was claimed, finished an epoch ({@code epoch} set), or ended. */
    record TrialEvent(long searchId, long trialId, int number, TrialStatus status, Integer epoch) {

        static TrialEvent of(TrialChangedEvent e) {
            return new TrialEvent(e.searchId(), e.trialId(), e.number(), e.status(), e.epoch());
        }
    }

    /** The search's status: sent on subscribe and whenever it changes. */
    record SearchEvent(long searchId, SearchStatus status) {

        static SearchEvent of(SearchChangedEvent e) {
            return new SearchEvent(e.searchId(), e.status());
        }
    }
}
