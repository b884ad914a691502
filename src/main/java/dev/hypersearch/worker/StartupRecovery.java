package dev.hypersearch.worker;

import dev.hypersearch.HypersearchProperties;
import dev.hypersearch.store.SanityCheckJobs;
import dev.hypersearch.store.SearchLifecycle;
import dev.hypersearch.store.SqlDialect;
import dev.hypersearch.store.TrialQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * After a restart: on the embedded database (role all) this process is the only one, so every RUNNING trial
 * was left by the dead process and goes back to the queue at once (counted as a lost attempt, so a trial
 * that kills its process ends FAILED after the retry cap). On a shared database other processes may be
 * running their trials; there the lease reaper requeues only the expired ones.
 */
@Component
@ConditionalOnWorkers
class StartupRecovery {

    private static final Logger log = LoggerFactory.getLogger(StartupRecovery.class);

    private final HypersearchProperties props;
    private final TrialQueue queue;
    private final SearchLifecycle lifecycle;
    private final SqlDialect dialect;
    private final SanityCheckJobs checks;
    private final ModelRefits models;

    StartupRecovery(HypersearchProperties props, TrialQueue queue, SearchLifecycle lifecycle, SqlDialect dialect,
                    SanityCheckJobs checks, ModelRefits models) {
        this.models = models;
        this.checks = checks;
        this.props = props;
        this.queue = queue;
        this.lifecycle = lifecycle;
        this.dialect = dialect;
    }

    /** Called by the worker pool before its first claim, so no live trial of this process is requeued. */
    void recover() {
        boolean onlyProcess = dialect.isOnlyProcess(props.role());
        int requeued = onlyProcess ? queue.reapAllRunning(props.maxAttempts()) : queue.reapExpired(props.maxAttempts());
        checks.failAbandoned();
        models.reap(props.maxAttempts(), onlyProcess);
        int completed = lifecycle.completeFinishedSearches();
        if (requeued > 0 || completed > 0) {
            log.info("recovery: {} trials requeued, {} searches completed", requeued, completed);
        }
    }
}
