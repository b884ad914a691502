package dev.hypersearch.worker;

import dev.hypersearch.HypersearchProperties;
import dev.hypersearch.nn.EpochListener;
import dev.hypersearch.nn.EpochMetrics;
import dev.hypersearch.search.TrialParams;
import dev.hypersearch.search.TrialStatus;
import dev.hypersearch.search.Validation;
import dev.hypersearch.search.pruning.PruneDecision;
import dev.hypersearch.store.ClaimedTrial;
import dev.hypersearch.store.EpochRow;
import dev.hypersearch.store.Lease;
import dev.hypersearch.store.SearchChangedEvent;
import dev.hypersearch.store.SearchLifecycle;
import dev.hypersearch.store.SearchStatus;
import dev.hypersearch.store.StoredPeerResults;
import dev.hypersearch.store.TrialChangedEvent;
import dev.hypersearch.store.TrialQueue;
import dev.hypersearch.store.TrialResult;
import dev.hypersearch.trial.AbandonTrialException;
import dev.hypersearch.trial.CrossValidatedRunner;
import dev.hypersearch.trial.PreparedData;
import dev.hypersearch.trial.PruningListener;
import dev.hypersearch.trial.TrialOutcome;
import dev.hypersearch.trial.TrialRunner;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Runs one claimed trial under its lease: every epoch and the result are written only while the lease holds.
 * Database calls ride out a lost connection (retry with backoff) until the lease would have run out; past
 * that the trial is abandoned, never failed: the reaper requeues it once its lease expires, so a database
 * outage costs at most an attempt, not a result.
 */
@Component
class TrialExecution {

    private static final Logger log = LoggerFactory.getLogger(TrialExecution.class);
    private static final long RELEASE_RETRY_NANOS = 3_000_000_000L;

    private final TrialQueue queue;
    private final SearchCache searchCache;
    private final SearchLifecycle lifecycle;
    private final PreparedDataCache data;
    private final ActiveTrials active;
    private final TrialRunner runner;
    private final CrossValidatedRunner crossValidatedRunner;
    private final StoredPeerResults peers;
    private final TrialMetrics metrics;
    private final ApplicationEventPublisher events;
    private final HypersearchProperties props;

    TrialExecution(TrialQueue queue, SearchCache searchCache, SearchLifecycle lifecycle,
                   PreparedDataCache data, ActiveTrials active, TrialRunner runner,
                   CrossValidatedRunner crossValidatedRunner, StoredPeerResults peers, TrialMetrics metrics,
                   ApplicationEventPublisher events, HypersearchProperties props) {
        this.queue = queue;
        this.searchCache = searchCache;
        this.lifecycle = lifecycle;
        this.data = data;
        this.active = active;
        this.runner = runner;
        this.crossValidatedRunner = crossValidatedRunner;
        this.peers = peers;
        this.metrics = metrics;
        this.events = events;
        this.props = props;
    }

    /**
     * @param claimStartNanos System.nanoTime() taken before the claim (the lease's start, erring early)
     * @param handBack        true once this process gives its work back (shutdown): the trial stops at its next
     *                        mini-batch and is released to the queue, not ended
     */
    void execute(ClaimedTrial claim, long claimStartNanos, BooleanSupplier handBack) {
        Lease lease = claim.lease();
        ActiveTrials.Entry entry = active.start(lease, claim.searchId(), props.leaseSeconds(), claimStartNanos);
        String name = "trial " + lease.trialId() + " attempt " + lease.attempt();
        try {
            // The claim brought the trial's parameters and the search's status; the rest of the search is cached.
            TrialParams params = claim.params();
            SearchSettings settings = underLease(name + ": load search", entry, handBack,
                    () -> searchCache.get(claim.searchId()));
            publish(claim, TrialStatus.RUNNING, null);
            if (claim.searchStatus() != SearchStatus.RUNNING) {
                end(claim, entry, handBack, new TrialOutcome(TrialStatus.CANCELLED, List.of(), Double.NaN,
                        Double.NaN, null, Double.NaN, Double.NaN, 0,
                        "search " + claim.searchStatus().name().toLowerCase()), null);
                return;
            }
            EpochListener storeEpoch = m -> recordEpoch(claim, entry, handBack, m);
            // The pruner runs after the epoch is stored, so peers deciding later see this trial's row.
            PruningListener pruning = !settings.prunes() ? null : new PruningListener(
                    settings.pruner().create(params.epochs()), new LeasedPeerResults(peers.forSearch(claim.searchId()),
                    name, entry, handBack), claim.number(), storeEpoch);
            EpochListener listener = pruning == null ? storeEpoch : pruning;
            BooleanSupplier stop = () -> entry.shouldStop() || handBack.getAsBoolean();
            TrialOutcome outcome;
            try {
                if (settings.validation() instanceof Validation.KFold k) {
                    List<PreparedData> folds = underLease(name + ": load data set", entry, handBack,
                            () -> data.folds(settings.dataset(), k.folds(), settings.seed()));
                    outcome = crossValidatedRunner.run(params, folds, settings.seed(), claim.number(),
                            listener, stop);
                } else {
                    double fraction = ((Validation.Holdout) settings.validation()).fraction();
                    PreparedData prepared = underLease(name + ": load data set", entry, handBack,
                            () -> data.get(settings.dataset(), fraction, settings.seed()));
                    outcome = runner.run(params, prepared, settings.seed(), claim.number(), listener,
                            stop);
                }
            } catch (AbandonTrialException | DatabaseRetry.GaveUp e) {
                throw e;
            } catch (RuntimeException e) {
                outcome = new TrialOutcome(TrialStatus.FAILED, List.of(), Double.NaN, Double.NaN,
                        null, Double.NaN, Double.NaN, 0, e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            if (entry.leaseLost) {
                log.warn("{}: lease lost, abandoned", name);
            } else if (outcome.ending() == TrialStatus.CANCELLED && !entry.searchStopped) {
                // Shutting down: a few seconds of retries at most, then the lease reaper takes over.
                long deadline = Math.min(entry.leaseValidUntilNanos(), System.nanoTime() + RELEASE_RETRY_NANOS);
                if (DatabaseRetry.call(name + ": release", deadline, () -> false, () -> queue.release(lease))) {
                    log.info("{}: released to the queue", name);
                    publish(claim, TrialStatus.QUEUED, null);
                }
            } else {
                end(claim, entry, handBack, outcome, pruning == null ? null : pruning.decision());
            }
        } catch (AbandonTrialException | DatabaseRetry.GaveUp e) {
            log.warn("{}: {}; left to the lease reaper", name, e.getMessage());
        } finally {
            active.end(lease);
        }
    }

    /** Retries {@code action} through a lost connection until the lease would have run out. */
    private static <T> T underLease(String what, ActiveTrials.Entry entry, BooleanSupplier abort, Supplier<T> action) {
        return DatabaseRetry.call(what, entry.leaseValidUntilNanos(), abort, action);
    }

    private boolean recordEpoch(ClaimedTrial claim, ActiveTrials.Entry entry, BooleanSupplier handBack,
                                EpochMetrics m) {
        Lease lease = claim.lease();
        EpochRow row = TrialResults.row(m);
        boolean[] tried = {false};
        long start = System.nanoTime();
        boolean held;
        try {
            held = underLease("trial " + lease.trialId() + ": epoch " + m.epoch(), entry, handBack, () -> {
                boolean retry = tried[0];
                tried[0] = true;
                try {
                    return queue.recordEpoch(lease, row, props.leaseSeconds());
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
                    : "epoch " + m.epoch() + " not written: " + e);
        }
        if (!held) {
            throw new AbandonTrialException("lease lost at epoch " + m.epoch());
        }
        entry.renewedAt(start);
        publish(claim, TrialStatus.RUNNING, m.epoch());
        return true;
    }

    private void end(ClaimedTrial claim, ActiveTrials.Entry entry, BooleanSupplier handBack, TrialOutcome o,
                     PruneDecision decision) {
        Lease lease = claim.lease();
        TrialResult result = TrialResults.of(o, decision);
        TrialStatus status = result.status();
        boolean[] tried = {false};
        boolean written;
        try {
            written = underLease("trial " + lease.trialId() + ": result", entry, handBack, () -> {
                boolean retry = tried[0];
                tried[0] = true;
                // A retry after a commit whose answer was lost finds the row already ended under this lease.
                return queue.finish(lease, result) || (retry && queue.endedUnder(lease));
            });
        } catch (DatabaseRetry.GaveUp e) {
            throw e;
        } catch (RuntimeException e) {
            throw new AbandonTrialException("result not written: " + e);
        }
        if (!written) {
            log.warn("trial {} attempt {}: lease lost before the result was written", lease.trialId(),
                    lease.attempt());
            return;
        }
        metrics.trialEnded(claim, result);
        publish(claim, status, null);
        try {
            SearchStatus searchStatus = DatabaseRetry.call("search " + claim.searchId() + ": after trial",
                    System.nanoTime() + props.leaseSeconds() * 1_000_000_000L, handBack,
                    () -> lifecycle.afterTrialEnded(claim.searchId(), status, o.valLoss(), claim.number()));
            if (searchStatus.isFinished()) {
                events.publishEvent(new SearchChangedEvent(claim.searchId(), searchStatus));
            }
        } catch (DatabaseRetry.GaveUp e) {
            // The heartbeat's sweep completes the search later.
            log.warn("search {}: {}", claim.searchId(), e.getMessage());
        }
    }

    private void publish(ClaimedTrial claim, TrialStatus status, Integer epoch) {
        events.publishEvent(new TrialChangedEvent(claim.searchId(), claim.lease().trialId(), claim.number(),
                status, epoch));
    }
}
