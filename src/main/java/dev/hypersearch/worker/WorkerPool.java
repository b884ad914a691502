package dev.hypersearch.worker;

import dev.hypersearch.HypersearchProperties;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * N worker threads, each claiming one trial at a time from the database. A failing claim (the database is
 * down or restarting) is retried with exponential backoff and jitter, so a worker outlives a PostgreSQL
 * restart. On shutdown (SIGTERM: Spring's context close) they stop claiming; running trials get
 * {@code hypersearch.shutdown-grace-seconds} to finish (0 = none), then are handed back to the queue at
 * their next mini-batch, so no trial waits for a lease to expire; then the threads are joined. The threads train
 * at {@code hypersearch.worker-nice} ({@link WorkerNice}): requests, events and lease renewals go first.
 */
@Component
@ConditionalOnWorkers
class WorkerPool implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WorkerPool.class);
    static final long MAX_BACKOFF_MILLIS = 5_000;

    private final HypersearchProperties props;
    private final TrialLeases leases;
    private final TrialExecution execution;
    private final WorkSignal signal;
    private final StartupRecovery recovery;
    private final ActiveTrials active;
    private final Heartbeat heartbeat;
    private final ModelRefits models;
    private final EngineWarmup warmup;
    /** pid@host:random, so leases name the process that holds them. */
    private final String processId = ManagementFactory.getRuntimeMXBean().getName() + ":"
            + UUID.randomUUID().toString().substring(0, 8);
    /** Copy-on-write: health reads it while start and stop (synchronized, stop for long) change it. */
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    /** No more claims. */
    private volatile boolean stopping;
    /** Running trials stop at their next mini-batch and go back to the queue. */
    private volatile boolean handBack;

    WorkerPool(HypersearchProperties props, TrialLeases leases, TrialExecution execution, WorkSignal signal,
               StartupRecovery recovery, Heartbeat heartbeat, ModelRefits models, EngineWarmup warmup) {
        this.models = models;
        this.warmup = warmup;
        this.props = props;
        this.leases = leases;
        this.execution = execution;
        this.signal = signal;
        this.recovery = recovery;
        this.active = leases.active();
        this.heartbeat = heartbeat;
    }

    @Override
    public synchronized void start() {
        if (!threads.isEmpty()) {
            return;
        }
        stopping = false;
        handBack = false;
        recovery.recover();
        warmup.start();
        List<CompletableFuture<OptionalLong>> threadIds = new ArrayList<>();
        for (int i = 0; i < props.workerThreads(); i++) {
            String workerId = processId + "/w" + i;
            CompletableFuture<OptionalLong> threadId = new CompletableFuture<>();
            Thread t = new Thread(() -> {
                threadId.complete(WorkerNice.currentThreadId());
                loop(workerId);
            }, "worker-" + i);
            threads.add(t);
            t.start();
            threadIds.add(threadId);
        }
        log.info("{} workers started as {}{}", threads.size(), processId, lowerPriority(threadIds));
    }

    /** Sets the workers' nice value (see {@link WorkerNice}) from this thread; what to add to the log line. */
    private String lowerPriority(List<CompletableFuture<OptionalLong>> threadIds) {
        int nice = props.workerNice();
        if (nice == 0) {
            return "";
        }
        // each worker's first act is to give its id, so this waits for the threads to be scheduled, no longer
        List<Long> ids = threadIds.stream().map(CompletableFuture::join)
                .flatMapToLong(OptionalLong::stream).boxed().toList();
        String failure = WorkerNice.set(nice, ids);
        return failure == null ? ", at nice " + nice + " (hypersearch.worker-nice)"
                : ", at the normal priority: " + failure;
    }

    private void loop(String workerId) {
        try {
            // the first claim waits for the engine's warm-up (bounded by its budget), see EngineWarmup
            while (!stopping && !warmup.await(props.poll().toMillis())) {
                // polled so that a shutdown during warm-up is not held up by it
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        int failures = 0;
        while (!stopping) {
            try {
                long seen = signal.generation(); // before looking: a wake-up from now on is not lost
                // A queued model refit goes before the next trial: someone is waiting for it.
                if (models.runNext(workerId, () -> handBack)) {
                    failures = 0;
                    continue;
                }
                Optional<LeasedTrial> claim = leases.claim(workerId, () -> handBack);
                if (failures > 0) {
                    log.info("worker {}: database reachable again after {} failed claims", workerId, failures);
                    failures = 0;
                }
                if (claim.isEmpty()) {
                    signal.await(seen, props.poll().toMillis());
                } else if (stopping) {
                    // Claimed as the process began to stop: straight back to the queue.
                    try (LeasedTrial trial = claim.get()) {
                        trial.release();
                    }
                } else {
                    execution.execute(claim.get());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error e) {
                // Typically the database is unreachable: back off and retry; our leases expire if it stays down.
                // An Error outside a trial's training (e.g. out of memory while writing its result) is survived
                // the same way: the lease runs out and the trial is requeued, and this thread goes on.
                Failures.rethrowIfFatal(e);
                failures++;
                long backoff = backoffMillis(props.poll().toMillis(), failures);
                if (failures == 1 || Integer.bitCount(failures) == 1) {
                    log.warn("worker {}: {} (failure {}), retrying in {} ms", workerId, e.toString(), failures,
                            backoff);
                }
                try {
                    signal.await(backoff);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** pollMillis x 2^(failures-1), at most {@link #MAX_BACKOFF_MILLIS}, with jitter so processes spread out. */
    static long backoffMillis(long pollMillis, int failures) {
        long base = Math.min(MAX_BACKOFF_MILLIS, pollMillis << Math.min(failures - 1, 20));
        return base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1);
    }

    @Override
    public synchronized void stop() {
        if (threads.isEmpty()) {
            return;
        }
        stopping = true;
        warmup.stop();
        signal.wakeAll();
        long grace = props.shutdownGrace().toNanos();
        if (grace > 0) {
            log.info("stopping: no more claims; {} running trials get up to {} to finish", active.size(),
                    props.shutdownGrace());
            awaitThreads(System.nanoTime() + grace);
        }
        int running = active.size();
        handBack = true;
        if (running > 0) {
            log.info("stopping: handing {} running trials back to the queue", running);
        }
        awaitThreads(Long.MAX_VALUE);
        threads.clear();
        log.info("workers stopped");
    }

    /** Joins the worker threads until the deadline, renewing leases meanwhile (the scheduler is already down). */
    private void awaitThreads(long deadline) {
        long renewEvery = props.heartbeat().toNanos();
        long nextRenew = System.nanoTime() + renewEvery;
        for (Thread t : threads) {
            while (t.isAlive()) {
                long now = System.nanoTime();
                if (now >= deadline) {
                    return;
                }
                if (now >= nextRenew) {
                    heartbeat.renewLeases();
                    nextRenew = now + renewEvery;
                }
                try {
                    t.join(Math.max(1, Math.min(200, (deadline - now) / 1_000_000)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Worker threads this process is configured to run. */
    int configuredThreads() {
        return props.workerThreads();
    }

    /** Worker threads alive right now: fewer than configured means some died or the pool is stopped. */
    int liveThreads() {
        return (int) threads.stream().filter(Thread::isAlive).count();
    }

    @Override
    public boolean isRunning() {
        return !threads.isEmpty();
    }

    /**
     * Stop before the web server and the connection pool go away: higher phases stop first, and the web
     * server's graceful shutdown runs at {@code DEFAULT_PHASE - 2048}.
     */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }
}
