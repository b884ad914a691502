package dev.hypersearch.worker;

import dev.hypersearch.HypersearchProperties;
import dev.hypersearch.store.ClaimedTrial;
import dev.hypersearch.store.SearchLifecycle;
import dev.hypersearch.store.TrialQueue;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Where this process's trials come from: each claim becomes a {@link LeasedTrial}, listed among the process's
 * running trials until it is closed, for the heartbeat to renew and to stop.
 */
@Component
@ConditionalOnWorkers
public class TrialLeases {

    private final TrialQueue queue;
    private final SearchLifecycle lifecycle;
    private final ApplicationEventPublisher events;
    private final TrialMetrics metrics;
    private final Duration lease;
    private final ActiveTrials active = new ActiveTrials();

    public TrialLeases(TrialQueue queue, SearchLifecycle lifecycle, ApplicationEventPublisher events,
                       MeterRegistry meters, HypersearchProperties props) {
        this.queue = queue;
        this.lifecycle = lifecycle;
        this.events = events;
        this.metrics = new TrialMetrics(meters);
        this.lease = props.lease();
    }

    /**
     * Claims the next queued trial for {@code workerId}.
     *
     * @param handBack true once this process gives its work back (shutdown): retries give up and training
     *                 stops at the next mini-batch
     */
    public Optional<LeasedTrial> claim(String workerId, BooleanSupplier handBack) {
        long start = System.nanoTime(); // the lease starts before the claim's answer: the local deadline errs early
        Optional<ClaimedTrial> claim = queue.claim(workerId, lease);
        metrics.claimed(System.nanoTime() - start);
        return claim.map(c -> active.add(new LeasedTrial(c, this, lease, start, handBack)));
    }

    ActiveTrials active() {
        return active;
    }

    TrialQueue queue() {
        return queue;
    }

    SearchLifecycle lifecycle() {
        return lifecycle;
    }

    ApplicationEventPublisher events() {
        return events;
    }

    TrialMetrics metrics() {
        return metrics;
    }
}
