package dev.hypersearch.worker;

import dev.hypersearch.search.pruning.PeerResults;
import dev.hypersearch.store.ClaimedTrial;
import dev.hypersearch.store.EpochRow;
import dev.hypersearch.store.Lease;
import dev.hypersearch.store.SearchChangedEvent;
import dev.hypersearch.store.SearchLifecycle;
import dev.hypersearch.store.SearchStatus;
import dev.hypersearch.store.TrialChangedEvent;
import dev.hypersearch.store.TrialQueue;
import dev.hypersearch.store.TrialResult;
import dev.hypersearch.search.TrialStatus;
import dev.hypersearch.trial.AbandonTrialException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;

/**
 * One claimed trial under its lease, from the claim to its end or release: every write of the trial goes
 * through here, is made only while the lease holds, rides out a lost connection ({@link DatabaseRetry}) until
 * the lease would have run out, and is announced ({@link TrialChangedEvent}, {@link SearchChangedEvent}).
 * A write that cannot be made in time abandons the trial ({@link AbandonTrialException}) to the lease reaper,
 * never fails it. Workers and the tests' worker alike get one from {@link TrialLeases#claim}; closing it
 * takes it off this process's list of trials whose leases the heartbeat renews.
 */
public final class LeasedTrial implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LeasedTrial.class);
    private static final long RELEASE_RETRY_NANOS = 3_000_000_000L;

    private final ClaimedTrial claim;
    private final TrialLeases leases;
    private final Duration leaseLength;
    private final BooleanSupplier handBack;
    private final String name;
    private volatile boolean leaseLost;
    private volatile boolean searchStopped;
    private volatile boolean announced;
    /** By this process's clock, when the lease runs out unless renewed: retries past it are pointless. */
    private volatile long leaseValidUntilNanos;

    LeasedTrial(ClaimedTrial claim, TrialLeases leases, Duration leaseLength, long claimStartNanos,
                BooleanSupplier handBack) {
        this.claim = claim;
        this.leases = leases;
        this.leaseLength = leaseLength;
        this.handBack = handBack;
        this.leaseValidUntilNanos = claimStartNanos + leaseLength.toNanos();
        this.name = "trial " + claim.lease().trialId() + " attempt " + claim.lease().attempt();
    }

    public ClaimedTrial claim() {
        return claim;
    }

    Lease lease() {
        return claim.lease();
    }

    long searchId() {
        return claim.searchId();
    }

    String name() {
        return name;
    }

    /** Announces the trial as running (the claim itself is not announced: a claim may go straight back). */
    public void started() {
        announced = true;
        publish(TrialStatus.RUNNING, null);
    }

    /** Runs {@code action}, retrying through a lost connection until the lease would have run out. */
    public <T> T underLease(String what, Supplier<T> action) {
        return DatabaseRetry.call(name + ": " + what, leaseValidUntilNanos, handBack, action);
    }

    /** The database's peer results, each read under the lease. */
    PeerResults peers(PeerResults database) {
        return new LeasedPeerResults(database, this);
    }

    /**
     * Writes one epoch of the curve and announces it. The write renews the lease too when less than half of it is
     * left, which the heartbeat's renewals normally prevent: an epoch's write is then one cheap statement (a
     * renewal is an update of the trial's row and its lease index; H2 parses every update again), and a stalled
     * heartbeat is still backed up by the epochs.
     *
     * @throws AbandonTrialException when the lease is lost or the write could not be made in time
     */
    public void recordEpoch(EpochRow row) {
        TrialQueue queue = leases.queue();
        boolean[] tried = {false};
        long start = System.nanoTime();
        boolean renew = renewalDue(leaseValidUntilNanos, start, leaseLength);
        boolean held;
        try {
            held = underLease("epoch " + row.epoch(), () -> {
                boolean retry = tried[0];
                tried[0] = true;
                try {
                    return renew ? queue.recordEpoch(lease(), row, leaseLength) : queue.recordEpoch(lease(), row);
                } catch (DuplicateKeyException e) {
                    // The previous try committed but its answer was lost with the connection.
                    if (retry) {
                        return true;
                    }
                    throw e;
                }
            });
        } catch (RuntimeException e) {
            // Whatever made the write fail, it is not the trial's doing: never end the trial FAILED for it.
            throw new AbandonTrialException(e instanceof DatabaseRetry.GaveUp ? e.getMessage()
                    : "epoch " + row.epoch() + " not written: " + e);
        }
        if (!held) {
            throw new AbandonTrialException("lease lost at epoch " + row.epoch());
        }
        if (renew) {
            renewedAt(start);
        }
        leases.metrics().epochWritten(System.nanoTime() - start);
        publish(TrialStatus.RUNNING, row.epoch());
    }

    /**
     * Ends the trial with its result, then does the search's bookkeeping (best trial, failure budget, next
     * stage, completion) and announces both.
     *
     * @return the search's status after this trial; empty when the lease was lost before the result was
     *         written, or when the bookkeeping could not reach the database (the heartbeat's sweep does it later)
     * @throws AbandonTrialException when the result could not be written in time
     */
    public Optional<SearchStatus> end(TrialResult result) {
        TrialQueue queue = leases.queue();
        boolean[] tried = {false};
        long start = System.nanoTime();
        boolean written;
        try {
            written = underLease("result", () -> {
                boolean retry = tried[0];
                tried[0] = true;
                // A retry after a commit whose answer was lost finds the row already ended under this lease.
                return queue.finish(lease(), result) || (retry && queue.endedUnder(lease()));
            });
        } catch (DatabaseRetry.GaveUp e) {
            throw e;
        } catch (RuntimeException e) {
            throw new AbandonTrialException("result not written: " + e);
        }
        if (!written) {
            log.warn("{}: lease lost before the result was written", name);
            return Optional.empty();
        }
        leases.metrics().trialEnded(claim, result);
        publish(result.status(), null);
        SearchLifecycle lifecycle = leases.lifecycle();
        try {
            SearchStatus searchStatus = DatabaseRetry.call("search " + searchId() + ": after trial",
                    System.nanoTime() + leaseLength.toNanos(), handBack,
                    () -> lifecycle.afterTrialEnded(searchId(), result.status(), result.valLoss(), claim.number()));
            leases.metrics().resultWritten(System.nanoTime() - start);
            if (searchStatus.isFinished()) {
                leases.events().publishEvent(new SearchChangedEvent(searchId(), searchStatus));
            }
            return Optional.of(searchStatus);
        } catch (DatabaseRetry.GaveUp e) {
            // The heartbeat's sweep completes the search later.
            log.warn("search {}: {}", searchId(), e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Gives the trial back to the queue without spending its attempt (this process is stopping): a few
     * seconds of retries at most, then the lease reaper takes over. True when it went back.
     */
    public boolean release() {
        long deadline = Math.min(leaseValidUntilNanos, System.nanoTime() + RELEASE_RETRY_NANOS);
        if (!DatabaseRetry.call(name + ": release", deadline, () -> false, () -> leases.queue().release(lease()))) {
            return false;
        }
        if (announced) {
            publish(TrialStatus.QUEUED, null);
        }
        return true;
    }

    /** Heartbeat: extends the lease, or flags it lost (expired and requeued, or ended elsewhere). */
    void renew() {
        long start = System.nanoTime();
        if (leases.queue().renew(lease(), leaseLength)) {
            renewedAt(start);
        } else {
            leaseLost = true;
        }
    }

    /** Whether a write at {@code nowNanos} renews a lease valid until {@code validUntilNanos}: half of it is gone. */
    static boolean renewalDue(long validUntilNanos, long nowNanos, Duration leaseLength) {
        return validUntilNanos - nowNanos < leaseLength.toNanos() / 2;
    }

    /** Records a successful lease write that started at {@code startNanos}. */
    private void renewedAt(long startNanos) {
        leaseValidUntilNanos = Math.max(leaseValidUntilNanos, startNanos + leaseLength.toNanos());
    }

    boolean leaseLost() {
        return leaseLost;
    }

    /** The search was cancelled or failed by any process: the trial stops at its next check. */
    void stopSearch() {
        searchStopped = true;
    }

    boolean searchStopped() {
        return searchStopped;
    }

    /** Whether training should stop: the lease is lost, the search stopped, or this process hands its work back. */
    BooleanSupplier stopSignal() {
        return () -> leaseLost || searchStopped || handBack.getAsBoolean();
    }

    /** Announces the search's new status (after its sanity check). */
    void publishSearch(SearchStatus status) {
        leases.events().publishEvent(new SearchChangedEvent(claim.searchId(), status));
    }

    private void publish(TrialStatus status, Integer epoch) {
        leases.events().publishEvent(new TrialChangedEvent(claim.searchId(), claim.lease().trialId(), claim.number(),
                status, epoch));
    }

    /** Off this process's list of running trials. */
    @Override
    public void close() {
        leases.active().remove(this);
    }
}
