package dev.hypersearch.worker;

import dev.hypersearch.HypersearchProperties;
import dev.hypersearch.store.SanityCheckJobs;
import dev.hypersearch.store.SearchLifecycle;
import dev.hypersearch.store.SearchRepository;
import dev.hypersearch.store.TrialQueue;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Two periodic jobs on separate scheduler threads (spring.task.scheduling.pool.size), so that maintenance
 * waiting on the database never delays lease renewal:
 * <ul>
 * <li>{@link #renewLeases}: extend the leases of this process's running trials, flagging lost ones;</li>
 * <li>{@link #maintain}: pass on cancellations made by any process, requeue trials whose lease expired
 * (any process may reap any trial; rows being written are skipped), and complete searches left with
 * nothing to run.</li>
 * </ul>
 * A failing beat (database unreachable) is logged once per outage and retried at the next beat.
 */
@Component
@ConditionalOnWorkers
class Heartbeat implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(Heartbeat.class);

    private final HypersearchProperties props;
    private final ActiveTrials active;
    private final TrialQueue queue;
    private final SearchLifecycle lifecycle;
    private final SearchRepository searches;
    private final SanityCheckJobs checks;
    private final ModelRefits models;
    private volatile boolean renewFailing;
    private volatile boolean maintainFailing;

    Heartbeat(HypersearchProperties props, TrialLeases leases, TrialQueue queue, SearchLifecycle lifecycle,
              SearchRepository searches, SanityCheckJobs checks, ModelRefits models) {
        this.models = models;
        this.checks = checks;
        this.props = props;
        this.active = leases.active();
        this.queue = queue;
        this.lifecycle = lifecycle;
        this.searches = searches;
    }

    /** Both jobs every {@code hypersearch.heartbeat-seconds}; maintenance half a beat out of step with renewal. */
    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        Duration beat = props.heartbeat();
        tasks.addFixedDelayTask(new FixedDelayTask(this::renewLeases, beat, Duration.ZERO));
        tasks.addFixedDelayTask(new FixedDelayTask(this::maintain, beat, beat.dividedBy(2)));
    }

    void maintain() {
        try {
            stopCancelledSearches();
            queue.reapExpired(props.maxAttempts());
            checks.failAbandoned();
            models.reap(props.maxAttempts(), false);
            lifecycle.completeFinishedSearches();
            if (maintainFailing) {
                log.info("heartbeat maintenance: database reachable again");
                maintainFailing = false;
            }
        } catch (RuntimeException e) {
            if (!maintainFailing) {
                log.warn("heartbeat maintenance failed: {}", e.toString());
                maintainFailing = true;
            }
        }
    }

    /** Renews every running trial's lease; a trial whose lease is gone is flagged to stop. */
    void renewLeases() {
        try {
            for (LeasedTrial trial : active.all()) {
                trial.renew();
            }
            models.renewLeases();
            if (renewFailing) {
                log.info("lease renewal: database reachable again");
                renewFailing = false;
            }
        } catch (RuntimeException e) {
            if (!renewFailing) {
                log.warn("lease renewal failed: {}", e.toString());
                renewFailing = true;
            }
        }
    }

    private void stopCancelledSearches() {
        if (active.isEmpty()) {
            return;
        }
        Set<Long> running = new HashSet<>();
        active.all().forEach(t -> running.add(t.searchId()));
        active.stopSearches(new HashSet<>(searches.findStoppedAmong(running)));
    }
}
