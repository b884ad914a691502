package dev.hypersearch.bench;

import dev.hypersearch.nn.Gemms;
import dev.hypersearch.search.TrialParams;
import dev.hypersearch.trial.PreparedData;
import dev.hypersearch.trial.TrialOutcome;
import dev.hypersearch.trial.TrialRunner;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A search's trials trained by the bare engine in this JVM (no service: no database, no events, no leases), on
 * 1 or more threads taking trials in number order as the workers' claims do: what the machine gives the engine,
 * to hold the service's figures against.
 */
final class EngineAlone {

    /** Wall time, summed trial time and bytes allocated by the training threads; each trial's validation scores. */
    record Result(int threads, double seconds, double summedTrialSeconds, long allocatedBytes, long epochs,
                  long cpuNanos, double[] trialSeconds, double[] valLoss, double[] valAccuracy) {
        double kbPerEpoch() {
            return allocatedBytes / 1e3 / Math.max(1, epochs);
        }
    }

    private EngineAlone() {
    }

    static Result run(List<TrialParams> trials, PreparedData data, long seed, int threads) throws Exception {
        var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        TrialRunner runner = new TrialRunner(Gemms.byPrecision()); // each trial at its own precision, as workers
        AtomicInteger next = new AtomicInteger();
        AtomicLong trialNanos = new AtomicLong();
        AtomicLong allocated = new AtomicLong();
        AtomicLong epochs = new AtomicLong();
        AtomicLong cpu = new AtomicLong();
        double[] trialSeconds = new double[trials.size()];
        double[] valLoss = new double[trials.size()];
        double[] valAccuracy = new double[trials.size()];
        List<Thread> pool = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            Thread thread = new Thread(() -> {
                long before = mx.getCurrentThreadAllocatedBytes();
                long cpuBefore = mx.getCurrentThreadCpuTime();
                for (int i = next.getAndIncrement(); i < trials.size(); i = next.getAndIncrement()) {
                    long s = System.nanoTime();
                    TrialOutcome o = runner.run(trials.get(i), data, seed, i, m -> true, () -> false);
                    trialNanos.addAndGet(System.nanoTime() - s);
                    trialSeconds[i] = (System.nanoTime() - s) / 1e9;
                    epochs.addAndGet(o.epochsRun());
                    valLoss[i] = o.valLoss();
                    valAccuracy[i] = o.valAccuracy();
                }
                allocated.addAndGet(mx.getCurrentThreadAllocatedBytes() - before);
                cpu.addAndGet(mx.getCurrentThreadCpuTime() - cpuBefore);
            }, "engine-alone-" + t);
            pool.add(thread);
            thread.start();
        }
        for (Thread t : pool) {
            t.join();
        }
        return new Result(threads, (System.nanoTime() - start) / 1e9, trialNanos.get() / 1e9, allocated.get(),
                epochs.get(), cpu.get(), trialSeconds, valLoss, valAccuracy);
    }
}
