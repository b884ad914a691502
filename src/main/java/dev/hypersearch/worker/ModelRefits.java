package dev.hypersearch.worker;

import dev.hypersearch.HypersearchProperties;
import dev.hypersearch.data.table.Table;
import dev.hypersearch.model.ModelCodec;
import dev.hypersearch.model.Refit;
import dev.hypersearch.model.TrainedModel;
import dev.hypersearch.nn.Gemms;
import dev.hypersearch.store.ClaimedModel;
import dev.hypersearch.store.DatasetCatalog;
import dev.hypersearch.store.ModelJobs;
import dev.hypersearch.store.ModelLease;
import dev.hypersearch.store.ModelQueuedEvent;
import dev.hypersearch.store.ModelRecord;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Model refit jobs ({@link ModelJobs}) on the worker threads: a worker looks for one before each trial claim, so a
 * model asked for while a long search runs does not wait for the search. To keep trial claims at one query, a
 * worker only looks while jobs may be queued: set when one is queued in this process, or when the heartbeat sees
 * one in the database (another process queued it, or a lease was reaped); cleared when a look finds none.
 * Leases are renewed and reaped by the {@link Heartbeat}, as trials' are.
 */
@Component
@ConditionalOnWorkers
class ModelRefits {

    private static final Logger log = LoggerFactory.getLogger(ModelRefits.class);

    private final ModelJobs jobs;
    private final DatasetCatalog datasets;
    private final WorkSignal signal;
    private final Duration lease;
    private final Refit refit = new Refit(Gemms.byPrecision());
    private final AtomicBoolean mayBeQueued = new AtomicBoolean(true);
    private final Set<Running> running = ConcurrentHashMap.newKeySet();

    ModelRefits(ModelJobs jobs, DatasetCatalog datasets, WorkSignal signal, HypersearchProperties props) {
        this.jobs = jobs;
        this.datasets = datasets;
        this.signal = signal;
        this.lease = props.lease();
    }

    /** A job under its lease; {@code lost} once a renewal found the lease gone (deleted, or reaped). */
    private static final class Running {
        final ModelLease lease;
        volatile boolean lost;

        Running(ModelLease lease) {
            this.lease = lease;
        }
    }

    @EventListener
    void onQueued(ModelQueuedEvent event) {
        mayBeQueued.set(true);
        signal.wakeAll();
    }

    /**
     * Claims and runs the next queued job, if any.
     *
     * @return whether a job was claimed
     */
    boolean runNext(String workerId, BooleanSupplier handBack) {
        if (!mayBeQueued.get()) {
            return false;
        }
        Optional<ClaimedModel> claim = jobs.claim(workerId, lease);
        if (claim.isEmpty()) {
            mayBeQueued.set(false);
            return false;
        }
        run(claim.get(), handBack);
        return true;
    }

    private void run(ClaimedModel claim, BooleanSupplier handBack) {
        Running job = new Running(claim.lease());
        ModelRecord m = claim.model();
        running.add(job);
        try {
            Optional<Table> data = datasets.table(m.dataset());
            if (data.isEmpty()) {
                jobs.failed(job.lease, "dataset '" + m.dataset() + "' no longer exists");
                return;
            }
            Refit.Outcome outcome;
            try {
                outcome = refit.run(m.params(), data.get(), m.searchSeed(), m.trialNumber(),
                        () -> job.lost || handBack.getAsBoolean());
            } catch (RuntimeException | Error e) {
                // An Error too (out of memory): the refit's allocations are gone once it unwinds.
                Failures.rethrowIfFatal(e);
                outcome = new Refit.Failed(e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            if (job.lost) {
                log.warn("model {}: lease lost, abandoned", m.id());
            } else if (outcome instanceof Refit.Trained t) {
                TrainedModel model = t.model();
                jobs.ready(job.lease, ModelCodec.write(model), t.metrics(), model.inputs().schema(),
                        model.classification() ? model.classes() : null);
                log.info("model {} ready (trial {})", m.id(), m.trialId());
            } else if (outcome instanceof Refit.Failed f) {
                jobs.failed(job.lease, f.message());
            } else if (jobs.release(job.lease)) {
                mayBeQueued.set(true);
                log.info("model {}: released to the queue", m.id());
            }
        } catch (DataAccessException e) {
            // The database is unreachable: the lease runs out and another attempt refits it.
            log.warn("model {}: {}; left to the lease reaper", m.id(), e.toString());
        } finally {
            running.remove(job);
        }
    }

    /** The heartbeat's renewal: a job whose lease is gone stops at its next mini-batch. */
    void renewLeases() {
        for (Running job : running) {
            if (!jobs.renew(job.lease, lease)) {
                job.lost = true;
            }
        }
    }

    /** The heartbeat's sweep (and start-up recovery): requeue expired leases, and notice queued jobs. */
    void reap(int maxAttempts, boolean everyLease) {
        int reaped = everyLease ? jobs.reapAllLeased(maxAttempts) : jobs.reapExpired(maxAttempts);
        if (reaped > 0 || jobs.hasQueued()) {
            mayBeQueued.set(true);
        }
    }
}
