package dev.hypersearch.worker;

import dev.hypersearch.HypersearchProperties;
import dev.hypersearch.nn.EpochMetrics;
import dev.hypersearch.store.ClaimedTrial;
import dev.hypersearch.store.EpochRow;
import dev.hypersearch.store.Lease;
import dev.hypersearch.store.SearchEntity;
import dev.hypersearch.store.SearchLifecycle;
import dev.hypersearch.store.SearchRepository;
import dev.hypersearch.store.SearchStatus;
import dev.hypersearch.store.TrialChangedEvent;
import dev.hypersearch.store.TrialEntity;
import dev.hypersearch.store.TrialQueue;
import dev.hypersearch.store.TrialRepository;
import dev.hypersearch.store.TrialResult;
import dev.hypersearch.store.TrialStatus;
import dev.hypersearch.trial.AbandonTrialException;
import dev.hypersearch.trial.PreparedData;
import dev.hypersearch.trial.TrialOutcome;
import dev.hypersearch.trial.TrialRunner;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Runs one claimed trial under its lease: every epoch and the result are written only while the lease holds. */
@Component
class TrialExecution {

    private static final Logger log = LoggerFactory.getLogger(TrialExecution.class);

    private final TrialQueue queue;
    private final TrialRepository trials;
    private final SearchRepository searches;
    private final SearchLifecycle lifecycle;
    private final PreparedDataCache data;
    private final ActiveTrials active;
    private final TrialRunner runner;
    private final TrialMetrics metrics;
    private final ApplicationEventPublisher events;
    private final HypersearchProperties props;

    TrialExecution(TrialQueue queue, TrialRepository trials, SearchRepository searches, SearchLifecycle lifecycle,
                   PreparedDataCache data, ActiveTrials active, TrialRunner runner, TrialMetrics metrics,
                   ApplicationEventPublisher events, HypersearchProperties props) {
        this.queue = queue;
        this.trials = trials;
        this.searches = searches;
        this.lifecycle = lifecycle;
        this.data = data;
        this.active = active;
        this.runner = runner;
        this.metrics = metrics;
        this.events = events;
        this.props = props;
    }

    /** @param shuttingDown true once this process stops taking work: the trial is then handed back, not ended */
    void execute(ClaimedTrial claim, BooleanSupplier shuttingDown) {
        Lease lease = claim.lease();
        ActiveTrials.Entry entry = active.start(lease, claim.searchId());
        try {
            TrialEntity trial = trials.findById(lease.trialId()).orElseThrow();
            SearchEntity search = searches.findById(claim.searchId()).orElseThrow();
            publish(claim, TrialStatus.RUNNING, null);
            if (search.getStatus() != SearchStatus.RUNNING) {
                end(claim, new TrialOutcome(TrialOutcome.Ending.CANCELLED, java.util.List.of(), Double.NaN,
                        Double.NaN, null, Double.NaN, Double.NaN, 0, "search " + search.getStatus().name().toLowerCase()));
                return;
            }
            TrialOutcome outcome;
            try {
                PreparedData prepared = data.get(search.getDataset(), validationFraction(search), search.getSeed());
                outcome = runner.run(trial.getParams(), prepared, search.getSeed(), trial.getNumber(),
                        m -> recordEpoch(claim, m),
                        () -> entry.shouldStop() || shuttingDown.getAsBoolean());
            } catch (AbandonTrialException e) {
                throw e;
            } catch (RuntimeException e) {
                outcome = new TrialOutcome(TrialOutcome.Ending.FAILED, java.util.List.of(), Double.NaN, Double.NaN,
                        null, Double.NaN, Double.NaN, 0, e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            if (entry.leaseLost) {
                log.warn("trial {} attempt {}: lease lost, abandoned", lease.trialId(), lease.attempt());
            } else if (outcome.ending() == TrialOutcome.Ending.CANCELLED && !entry.searchStopped) {
                queue.release(lease);
                publish(claim, TrialStatus.QUEUED, null);
            } else {
                end(claim, outcome);
            }
        } catch (AbandonTrialException e) {
            log.warn("trial {} attempt {}: {}", lease.trialId(), lease.attempt(), e.getMessage());
        } finally {
            active.end(lease);
        }
    }

    private boolean recordEpoch(ClaimedTrial claim, EpochMetrics m) {
        EpochRow row = new EpochRow(m.epoch(), m.trainLoss(), m.validationLoss(), m.validationAccuracy(),
                m.elapsedNanos() / 1_000_000);
        if (!queue.recordEpoch(claim.lease(), row, props.leaseSeconds())) {
            throw new AbandonTrialException("lease lost at epoch " + m.epoch());
        }
        publish(claim, TrialStatus.RUNNING, m.epoch());
        return true;
    }

    private void end(ClaimedTrial claim, TrialOutcome o) {
        TrialStatus status = TrialStatus.valueOf(o.ending().name());
        TrialResult result = new TrialResult(status, o.valLoss(), o.bestValLoss(), o.bestEpoch(), o.valAccuracy(),
                o.trainLoss(), o.epochsRun(), o.durationMs(),
                // The engine also explains normal endings ("completed 40 epochs"); only other endings keep it.
                status == TrialStatus.COMPLETED ? null : o.message());
        if (!queue.finish(claim.lease(), result)) {
            log.warn("trial {} attempt {}: lease lost before the result was written", claim.lease().trialId(),
                    claim.lease().attempt());
            return;
        }
        metrics.trialEnded(claim, result);
        publish(claim, status, null);
        SearchStatus searchStatus = lifecycle.afterTrialEnded(claim.searchId());
        if (searchStatus.isFinished()) {
            events.publishEvent(new dev.hypersearch.store.SearchChangedEvent(claim.searchId(), searchStatus));
        }
    }

    private void publish(ClaimedTrial claim, TrialStatus status, Integer epoch) {
        events.publishEvent(new TrialChangedEvent(claim.searchId(), claim.lease().trialId(), claim.number(),
                status, epoch));
    }

    private static double validationFraction(SearchEntity search) {
        Object v = search.getSpec().get("validationFraction");
        return v instanceof Number n ? n.doubleValue() : 0.2;
    }
}
