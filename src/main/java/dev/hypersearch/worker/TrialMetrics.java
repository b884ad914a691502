package dev.hypersearch.worker;

import dev.hypersearch.store.ClaimedTrial;
import dev.hypersearch.store.TrialResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trials by outcome and trial duration (Micrometer); the queue depth gauge is the store's (every role has it).
 * Beside them, the time workers spend on the database around training (claims, each epoch's write, each result's
 * write and the search's bookkeeping after it): what a worker does besides training, e.g. to tell whether more
 * workers wait on the database.
 * A finished trial's facts are its row and these metrics: its structured log line is DEBUG, since at INFO a
 * 100,000-trial search wrote 30 MB of log (enable with {@code logging.level.hypersearch.trials=DEBUG}).
 */
final class TrialMetrics {

    private static final Logger log = LoggerFactory.getLogger("hypersearch.trials");

    private final MeterRegistry registry;
    private final Timer claims;
    private final Timer epochWrites;
    private final Timer resultWrites;

    TrialMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.claims = Timer.builder("hypersearch.worker.claim")
                .description("claims of the next trial, found or not").register(registry);
        this.epochWrites = Timer.builder("hypersearch.trial.epoch.write")
                .description("writes of one epoch of a trial's curve (part of its duration)").register(registry);
        this.resultWrites = Timer.builder("hypersearch.trial.result.write")
                .description("writes of a trial's result and its search's bookkeeping").register(registry);
    }

    void claimed(long nanos) {
        claims.record(nanos, TimeUnit.NANOSECONDS);
    }

    void epochWritten(long nanos) {
        epochWrites.record(nanos, TimeUnit.NANOSECONDS);
    }

    void resultWritten(long nanos) {
        resultWrites.record(nanos, TimeUnit.NANOSECONDS);
    }

    void trialEnded(ClaimedTrial claim, TrialResult r) {
        Counter.builder("hypersearch.trials.finished").tag("outcome", r.status().name().toLowerCase())
                .register(registry).increment();
        Timer.builder("hypersearch.trial.duration").register(registry).record(Duration.ofMillis(r.durationMs()));
        if (!log.isDebugEnabled()) {
            return;
        }
        log.debug("trial_finished search={} trial={} number={} attempt={} worker={} status={} val_loss={}"
                        + " val_accuracy={} epochs={} duration_ms={}{}",
                claim.searchId(), claim.lease().trialId(), claim.number(), claim.lease().attempt(),
                claim.lease().workerId(), r.status(), r.valLoss(), r.valAccuracy(), r.epochsRun(), r.durationMs(),
                r.error() == null ? "" : " error=\"" + r.error().replace('"', '\'') + "\"");
    }
}
