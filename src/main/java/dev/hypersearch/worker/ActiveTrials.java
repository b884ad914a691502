package dev.hypersearch.worker;

import dev.hypersearch.store.Lease;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The trials this process is training right now, for the heartbeat to renew and to flag when a lease was
 * lost or the search was cancelled elsewhere; workers poll the flags between mini-batches.
 */
@Component
class ActiveTrials {

    static final class Entry {
        final Lease lease;
        final long searchId;
        volatile boolean leaseLost;
        volatile boolean searchStopped;

        Entry(Lease lease, long searchId) {
            this.lease = lease;
            this.searchId = searchId;
        }

        boolean shouldStop() {
            return leaseLost || searchStopped;
        }
    }

    private final Map<Long, Entry> byTrial = new ConcurrentHashMap<>();

    Entry start(Lease lease, long searchId) {
        Entry e = new Entry(lease, searchId);
        byTrial.put(lease.trialId(), e);
        return e;
    }

    void end(Lease lease) {
        byTrial.remove(lease.trialId());
    }

    Iterable<Entry> all() {
        return byTrial.values();
    }

    /** Flags every running trial of the given searches (cancelled or failed) to stop at its next check. */
    void stopSearches(Set<Long> searchIds) {
        byTrial.values().stream().filter(e -> searchIds.contains(e.searchId)).forEach(e -> e.searchStopped = true);
    }

    boolean isEmpty() {
        return byTrial.isEmpty();
    }
}
