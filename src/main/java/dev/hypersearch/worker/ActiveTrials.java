package dev.hypersearch.worker;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The trials this process is training right now, for the heartbeat to renew and to flag when a lease was
 * lost or the search was cancelled elsewhere; workers poll the flags between mini-batches.
 */
final class ActiveTrials {

    private final Map<Long, LeasedTrial> byTrial = new ConcurrentHashMap<>();

    LeasedTrial add(LeasedTrial trial) {
        byTrial.put(trial.lease().trialId(), trial);
        return trial;
    }

    void remove(LeasedTrial trial) {
        byTrial.remove(trial.lease().trialId(), trial);
    }

    Iterable<LeasedTrial> all() {
        return byTrial.values();
    }

    /** Flags every running trial of the given searches (cancelled or failed) to stop at its next check. */
    void stopSearches(Set<Long> searchIds) {
        byTrial.values().stream().filter(t -> searchIds.contains(t.searchId())).forEach(LeasedTrial::stopSearch);
    }

    boolean isEmpty() {
        return byTrial.isEmpty();
    }

    int size() {
        return byTrial.size();
    }
}
