package dev.hypersearch.worker;

import dev.hypersearch.store.Lease;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The trials this process is training right now, for the heartbeat to renew and to flag when a lease was
 * lost or the search was cancelled elsewhere; workers poll the flags between mini-batches.
 */
@Component
@ConditionalOnWorkers
class ActiveTrials {

    static final class Entry {
        final Lease lease;
        final long searchId;
        private final long leaseNanos;
        volatile boolean leaseLost;
        volatile boolean searchStopped;
        /** By this process's clock, when the lease runs out unless renewed: retries past it are pointless. */
        private volatile long leaseValidUntilNanos;

        Entry(Lease lease, long searchId, Duration leaseLength, long claimStartNanos) {
            this.lease = lease;
            this.searchId = searchId;
            this.leaseNanos = leaseLength.toNanos();
            this.leaseValidUntilNanos = claimStartNanos + leaseNanos;
        }

        boolean shouldStop() {
            return leaseLost || searchStopped;
        }

        /** Records a successful lease write that started at {@code startNanos}. */
        void renewedAt(long startNanos) {
            leaseValidUntilNanos = Math.max(leaseValidUntilNanos, startNanos + leaseNanos);
        }

        long leaseValidUntilNanos() {
            return leaseValidUntilNanos;
        }
    }

    private final Map<Long, Entry> byTrial = new ConcurrentHashMap<>();

    /** @param claimStartNanos System.nanoTime() before the claim, so the local lease deadline errs early */
    Entry start(Lease lease, long searchId, Duration leaseLength, long claimStartNanos) {
        Entry e = new Entry(lease, searchId, leaseLength, claimStartNanos);
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

    int size() {
        return byTrial.size();
    }
}
