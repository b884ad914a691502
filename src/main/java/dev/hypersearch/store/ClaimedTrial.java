package dev.hypersearch.store;

import java.util.Map;

/**
 * What a worker gets from a successful claim: the lease, and what it needs to start the trial without
 * reading the trial again (its parameters) or the search's state (its status as of the claim).
 */
public record ClaimedTrial(Lease lease, long searchId, int number, Map<String, Object> params,
                           SearchStatus searchStatus) {

    public ClaimedTrial {
        params = params == null ? Map.of() : params;
        searchStatus = searchStatus == null ? SearchStatus.RUNNING : searchStatus;
    }
}
