package dev.hypersearch.worker;

import dev.hypersearch.HypersearchProperties;
import dev.hypersearch.store.SearchLifecycle;
import dev.hypersearch.store.TrialQueue;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every few seconds: renew the leases of this process's running trials (flagging lost ones), pass on
 * cancellations made by any process, requeue trials whose lease expired, and complete searches left with
 * nothing to run.
 */
@Component
class Heartbeat {

    private static final Logger log = LoggerFactory.getLogger(Heartbeat.class);

    private final HypersearchProperties props;
    private final ActiveTrials active;
    private final TrialQueue queue;
    private final SearchLifecycle lifecycle;
    private final JdbcTemplate jdbc;

    Heartbeat(HypersearchProperties props, ActiveTrials active, TrialQueue queue, SearchLifecycle lifecycle,
              JdbcTemplate jdbc) {
        this.props = props;
        this.active = active;
        this.queue = queue;
        this.lifecycle = lifecycle;
        this.jdbc = jdbc;
    }

    @Scheduled(fixedDelayString = "#{${hypersearch.heartbeat-seconds:5} * 1000}")
    void beat() {
        if (!props.runsWorkers()) {
            return;
        }
        try {
            renewLeases();
            stopCancelledSearches();
            if (queue.reapExpired(props.maxAttempts()) > 0) {
                lifecycle.completeFinishedSearches();
            }
        } catch (RuntimeException e) {
            log.warn("heartbeat failed: {}", e.toString());
        }
    }

    private void renewLeases() {
        for (ActiveTrials.Entry e : active.all()) {
            if (!queue.renew(e.lease, props.leaseSeconds())) {
                e.leaseLost = true;
            }
        }
    }

    private void stopCancelledSearches() {
        if (active.isEmpty()) {
            return;
        }
        Set<Long> running = new HashSet<>();
        active.all().forEach(e -> running.add(e.searchId));
        List<Long> stopped = jdbc.queryForList("SELECT id FROM search WHERE status <> 'RUNNING'", Long.class);
        stopped.retainAll(running);
        active.stopSearches(new HashSet<>(stopped));
    }
}
