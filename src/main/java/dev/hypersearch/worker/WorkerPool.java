package dev.hypersearch.worker;

import dev.hypersearch.HypersearchProperties;
import dev.hypersearch.store.ClaimedTrial;
import dev.hypersearch.store.TrialQueue;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * N worker threads, each claiming one trial at a time from the database. On shutdown they stop claiming,
 * running trials are handed back to the queue at their next mini-batch, and the threads are joined.
 */
@Component
class WorkerPool implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WorkerPool.class);

    private final HypersearchProperties props;
    private final TrialQueue queue;
    private final TrialExecution execution;
    private final WorkSignal signal;
    private final StartupRecovery recovery;
    /** host:pid:random, so leases name the process that holds them. */
    private final String processId = ManagementFactory.getRuntimeMXBean().getName() + ":"
            + UUID.randomUUID().toString().substring(0, 8);
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean stopping;

    WorkerPool(HypersearchProperties props, TrialQueue queue, TrialExecution execution, WorkSignal signal,
               StartupRecovery recovery) {
        this.props = props;
        this.queue = queue;
        this.execution = execution;
        this.signal = signal;
        this.recovery = recovery;
    }

    @Override
    public synchronized void start() {
        if (!props.runsWorkers() || !threads.isEmpty()) {
            return;
        }
        stopping = false;
        recovery.recover();
        for (int i = 0; i < props.workerThreads(); i++) {
            String workerId = processId + "/w" + i;
            Thread t = new Thread(() -> loop(workerId), "worker-" + i);
            threads.add(t);
            t.start();
        }
        log.info("{} workers started as {}", threads.size(), processId);
    }

    private void loop(String workerId) {
        while (!stopping) {
            try {
                Optional<ClaimedTrial> claim = queue.claim(workerId, props.leaseSeconds());
                if (claim.isPresent()) {
                    execution.execute(claim.get(), () -> stopping);
                } else {
                    signal.await(props.pollMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // Typically the database is unreachable: back off and retry; leases expire if it stays down.
                log.warn("worker {}: {}", workerId, e.toString());
                try {
                    signal.await(props.pollMillis() * 4L);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public synchronized void stop() {
        stopping = true;
        signal.wakeAll();
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return !threads.isEmpty();
    }

    /** Stop before the web server and the connection pool go away. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }
}
