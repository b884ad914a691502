package dev.hypersearch.worker;

import dev.hypersearch.nn.KernelWarmup;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Warms the engine's kernels once per worker process ({@link KernelWarmup}) on a background thread that the pool
 * starts with its workers, so the API is ready at once. The workers wait for it before their first claim: a trial
 * claimed meanwhile would train on cold kernels and share the cores with the warm-up, which is slower than
 * waiting (at most {@code hypersearch.warmup.budget-seconds} of the warm-up thread's CPU time, four times that in
 * wall-clock time), and its time would not be representative. A warm-up
 * that fails is logged and forgotten: the workers then claim as they would without it.
 */
@Component
@ConditionalOnWorkers
@EnableConfigurationProperties(WarmupSettings.class)
class EngineWarmup {

    /** What the warm-up runs; a bean so that tests can replace it (see EngineConfig). */
    @FunctionalInterface
    interface Task {
        KernelWarmup.Report run(long budgetNanos, BooleanSupplier stop);
    }

    private static final Logger log = LoggerFactory.getLogger(EngineWarmup.class);

    private final WarmupSettings settings;
    private final Task task;
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile boolean started;
    private volatile boolean stopping;

    EngineWarmup(WarmupSettings settings, Task task) {
        this.settings = settings;
        this.task = task;
    }

    /** Starts the warm-up thread (once); when disabled, the warm-up is done at once. */
    synchronized void start() {
        if (started) {
            return;
        }
        started = true;
        if (!settings.runs()) {
            log.info("engine warm-up skipped (hypersearch.warmup)");
            done.countDown();
            return;
        }
        Thread t = new Thread(this::run, "engine-warmup");
        t.setDaemon(true);
        t.start();
    }

    private void run() {
        try {
            KernelWarmup.Report r = task.run(settings.budget().toNanos(), () -> stopping);
            log.info("engine warm-up: {} rounds, {} nets trained in {} ms, ended: {}", r.rounds(), r.configurations(),
                    r.millis(), r.end());
        } catch (RuntimeException | Error e) {
            Failures.rethrowIfFatal(e);
            log.warn("engine warm-up failed, workers start without it: {}", e.toString(), e);
        } finally {
            done.countDown();
        }
    }

    /** Ends a running warm-up at its next mini-batch (shutdown). */
    void stop() {
        stopping = true;
    }

    /** Waits up to the given time for the warm-up to end; true when it has. */
    boolean await(long millis) throws InterruptedException {
        return done.await(millis, TimeUnit.MILLISECONDS);
    }

    boolean isDone() {
        return done.getCount() == 0;
    }
}
