package dev.hypersearch.store;

import dev.hypersearch.search.TrialParams;
import java.util.Objects;

/**
 * What a worker gets from a successful claim: the lease, and what it needs to start the trial without
 * reading the trial again (its parameters) or the search's state (its status as of the claim). {@code params}
 * is null for a model-based (TPE) trial claimed for the first time: the worker decides them under the lease.
 */
public record ClaimedTrial(Lease lease, long searchId, int number, TrialParams params,
                           SearchStatus searchStatus) {

    public ClaimedTrial {
        searchStatus = searchStatus == null ? SearchStatus.RUNNING : searchStatus;
    }
}
