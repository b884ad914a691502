package dev.hypersearch.bench;

import dev.hypersearch.search.SearchSpec;
import dev.hypersearch.search.TrialParams;
import dev.hypersearch.search.Validation;
import dev.hypersearch.store.SearchEntity;
import dev.hypersearch.store.TableSource;
import dev.hypersearch.store.TrialEntity;
import dev.hypersearch.trial.DataPreparation;
import dev.hypersearch.trial.PreparedData;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The search benchmark: a 40-trial random search on digits run by the whole service (H2, worker pool, every epoch
 * persisted) with 1 and then 2 workers, then scikit-learn's MLPClassifier on the same 40 configurations and the
 * same split under joblib with 1 and 2 processes ({@link JoblibSearch}). Prints wall times, the service's ratios
 * against joblib, each side's best validation loss, and per run where the workers' time went (summed trial
 * durations against the wall time, database time, GC, allocation, worker CPU, JIT).
 * Run: {@code ./mvnw -q -Pbench test-compile exec:exec -Dbench.main=dev.hypersearch.bench.SearchBenchmark}
 * ({@code -Dbench.args=service} skips scikit-learn).
 */
public final class SearchBenchmark {

    static final long SEED = 42;

    static Map<String, Object> spec(String name, int trials, int epochs) {
        return Map.of("name", name, "dataset", "digits", "strategy", "random", "maxTrials", trials, "seed", SEED,
                "space", Map.of(
                        "learningRate", Map.of("floatRange", Map.of("min", 1e-4, "max", 1e-1, "log", true)),
                        "hiddenUnits", Map.of("choice", List.of(32, 64, 128, 256)),
                        "hiddenLayers", Map.of("intRange", Map.of("min", 1, "max", 3)),
                        "activation", Map.of("choice", List.of("relu", "tanh", "sigmoid")),
                        "l2", Map.of("floatRange", Map.of("min", 1e-6, "max", 1e-2, "log", true)),
                        "epochs", epochs, "batchSize", 64));
    }

    /**
     * One measured search: its trials (by number), the data they trained on (the worker's own preparation of the
     * search's split) and what the JVM spent meanwhile.
     */
    record Run(int workers, double seconds, double bestValLoss, List<TrialEntity> trials, PreparedData data,
               WorkerCosts costs, Map<String, Long> threadCpu) {
        long epochs() {
            return trials.stream().map(TrialEntity::getEpochsRun).filter(Objects::nonNull).mapToLong(Integer::longValue)
                    .sum();
        }

        double summedTrialSeconds() {
            return trials.stream().map(TrialEntity::getDurationMs).filter(Objects::nonNull)
                    .mapToLong(Long::longValue).sum() / 1e3;
        }

        List<TrialParams> params() {
            return trials.stream().map(TrialEntity::getParams).toList();
        }

        /** Summed over the workers: from each one's last trial's end to the search's last trial's end. */
        double idleAtEndSeconds() {
            Map<String, Instant> lastEnd = new HashMap<>();
            for (TrialEntity t : trials) {
                lastEnd.merge(t.getWorkerId(), t.getFinishedAt(), (a, b) -> a.isAfter(b) ? a : b);
            }
            Instant end = lastEnd.values().stream().max(Comparator.naturalOrder()).orElseThrow();
            return lastEnd.values().stream().mapToLong(i -> Duration.between(i, end).toMillis()).sum() / 1e3
                    + (workers - lastEnd.size()) * seconds;
        }
    }

    public static void main(String[] args) throws Exception {
        boolean withSklearn = !List.of(args).contains("service");
        System.out.printf(Locale.ROOT, "load average before: %.2f%n", load());
        Run one = run(1);
        Run two = run(2);
        if (!one.params().equals(two.params())) {
            throw new IllegalStateException("the two runs drew different trials; the seed should fix them");
        }
        System.out.printf(Locale.ROOT, "40-trial random search on digits (20 epochs, batch 64), whole service on H2; "
                + "load average %.2f%n", load());
        System.out.printf(Locale.ROOT, "  %-8s %7s %10s %13s %6s %10s %8s%n", "workers", "wall s", "trials/min",
                "best val loss", "epochs", "sum trial s", "sum/wall");
        for (Run r : List.of(one, two)) {
            System.out.printf(Locale.ROOT, "  %-8d %7.2f %10.1f %13.4f %6d %10.2f %7.2fx%n", r.workers, r.seconds,
                    r.trials.size() / (r.seconds / 60), r.bestValLoss, r.epochs(), r.summedTrialSeconds(),
                    r.summedTrialSeconds() / r.seconds);
        }
        System.out.printf(Locale.ROOT, "  scaling 2 workers / 1 worker: %.2fx; the same trials took %+.0f%% summed "
                        + "with 2 workers (%.2f s -> %.2f s)%n", one.seconds / two.seconds,
                100 * (two.summedTrialSeconds() / one.summedTrialSeconds() - 1), one.summedTrialSeconds(),
                two.summedTrialSeconds());
        printCosts(List.of(one, two));
        printEngineAlone(one, two);
        if (withSklearn) {
            printSklearn(one, two, JoblibSearch.run(one.data, one.params(), 1, 2));
        }
        System.out.printf(Locale.ROOT, "load average after: %.2f%n", load());
    }

    static Run run(int workers) throws Exception {
        // The engine's start-up warm-up as deployed (the tests' properties turn it off), then a small search: the
        // JIT compiles the engine, the database and the worker path before the measured search.
        try (BenchService service = BenchService.start("bench-" + workers, "all", workers,
                "--hypersearch.warmup.enabled=true")) {
            service.run(spec("warm-up", 2 * workers, 5));
            MeterRegistry meters = service.context().getBean(MeterRegistry.class);
            WorkerCosts before = WorkerCosts.snapshot(meters);
            Map<String, Long> cpuBefore = ThreadGroupCpu.cpuMillis();
            long start = System.nanoTime();
            SearchEntity done = service.run(spec("measured", 40, 20));
            double seconds = (System.nanoTime() - start) / 1e9;
            Map<String, Long> threadCpu = ThreadGroupCpu.minus(ThreadGroupCpu.cpuMillis(), cpuBefore);
            WorkerCosts costs = WorkerCosts.snapshot(meters).minus(before);
            List<TrialEntity> trials = service.trials(done.getId()).stream()
                    .sorted(Comparator.comparingInt(TrialEntity::getNumber)).toList();
            return new Run(workers, seconds, BenchService.bestValLoss(done, trials), trials,
                    preparedAsWorkers(service, done.searchSpec()), costs, threadCpu);
        }
    }

    /** The split and standardization the workers trained on: the same preparation from the same table. */
    private static PreparedData preparedAsWorkers(BenchService service, SearchSpec spec) {
        double fraction = ((Validation.Holdout) spec.validation()).fraction();
        return DataPreparation.holdout(service.context().getBean(TableSource.class).table(spec.dataset())
                .orElseThrow(), fraction, spec.seed());
    }

    private static void printCosts(List<Run> runs) {
        System.out.println("where the workers' time went (database times are part of the trials' durations for "
                + "epoch writes, outside them for claims and results):");
        System.out.printf(Locale.ROOT, "  %-8s %10s %9s %15s %13s %13s %9s %10s %11s %8s %7s%n", "workers",
                "training s", "worker CPU", "epoch writes s", "claims", "result writes", "idle end", "GC n/ms",
                "alloc MB", "KB/epoch", "JIT ms");
        for (Run r : runs) {
            WorkerCosts c = r.costs;
            double training = r.summedTrialSeconds() - c.epochWrites().millis() / 1e3;
            System.out.printf(Locale.ROOT, "  %-8d %10.2f %9.2fs %6d / %6.2fs %4d / %6.2fs %4d / %6.2fs %8.2fs %5d/%-4d"
                            + " %6.0f (%3.0f) %8.1f %7d%n", r.workers, training, c.workerCpuNanos() / 1e9,
                    c.epochWrites().count(), c.epochWrites().millis() / 1e3, c.claims().count(),
                    c.claims().millis() / 1e3, c.resultWrites().count(), c.resultWrites().millis() / 1e3,
                    r.idleAtEndSeconds(), c.gcCount(), c.gcMillis(), c.workerAllocated() / 1e6,
                    c.allAllocated() / 1e6, c.workerAllocated() / 1e3 / Math.max(1, r.epochs()), c.jitMillis());
            double outside = r.workers * r.seconds - r.summedTrialSeconds();
            System.out.printf(Locale.ROOT, "  %-8s worker time outside trials: %.2f s of %d x %.2f s (%.1f%%)%n", "",
                    outside, r.workers, r.seconds, 100 * outside / (r.workers * r.seconds));
        }
        System.out.println("  (alloc MB: worker threads (all live threads); worker CPU below training s means the "
                + "workers waited or were descheduled)");
    }

    /** The same trials on the bare engine, 1 and 2 threads, after the service's runs (so on compiled kernels). */
    private static void printEngineAlone(Run one, Run two) throws Exception {
        System.out.println("the same trials on the bare engine in this JVM (no database, events or leases), "
                + "threads taking trials in number order:");
        System.out.printf(Locale.ROOT, "  %-8s %7s %11s %9s %9s %8s %16s%n", "threads", "wall s", "sum trial s",
                "sum/wall", "KB/epoch", "CPU s", "service CPU / it");
        EngineAlone.Result[] r = new EngineAlone.Result[2];
        for (int threads = 1; threads <= 2; threads++) {
            Run service = threads == 1 ? one : two;
            Map<String, Long> cpuBefore = ThreadGroupCpu.cpuMillis();
            EngineAlone.Result e = EngineAlone.run(one.params(), one.data, SEED, threads);
            Map<String, Long> threadCpu = ThreadGroupCpu.minus(ThreadGroupCpu.cpuMillis(), cpuBefore);
            r[threads - 1] = e;
            System.out.printf(Locale.ROOT, "  %-8d %7.2f %11.2f %8.2fx %9.1f %8.2f %15.2fx%n", threads, e.seconds(),
                    e.summedTrialSeconds(), e.summedTrialSeconds() / e.seconds(), e.kbPerEpoch(), e.cpuNanos() / 1e9,
                    service.costs.workerCpuNanos() / (double) e.cpuNanos());
            System.out.printf(Locale.ROOT, "  %-8s CPU ms by thread group: service's search %s, bare engine %s%n", "",
                    service.threadCpu, threadCpu);
        }
        System.out.printf(Locale.ROOT, "  bare engine scaling 2 / 1 threads: %.2fx (the service's: %.2fx); service / "
                        + "bare engine wall time: 1 worker %.2f, 2 workers %.2f%n", r[0].seconds() / r[1].seconds(),
                one.seconds / two.seconds, one.seconds / r[0].seconds(), two.seconds / r[1].seconds());
    }

    private static void printSklearn(Run one, Run two, List<JoblibSearch.Result> joblib) {
        System.out.printf(Locale.ROOT, "scikit-learn MLPClassifier on the same 40 configurations and rows (adam, "
                + "batch 64, 20 epochs, alpha = l2 x batch), joblib, one BLAS thread a process:%n");
        System.out.printf(Locale.ROOT, "  %-10s %7s %11s %13s%n", "processes", "wall s", "sum fit s", "best val loss");
        for (JoblibSearch.Result j : joblib) {
            System.out.printf(Locale.ROOT, "  %-10d %7.2f %11.2f %13.4f%n", j.jobs(), j.seconds(), j.summedSeconds(),
                    j.bestValLoss());
        }
        JoblibSearch.Result j1 = joblib.get(0);
        JoblibSearch.Result j2 = joblib.get(1);
        System.out.printf(Locale.ROOT, "  service / joblib (joblib's wall time / the service's): 1 worker vs 1 process"
                        + " %.2fx, 2 workers vs 2 processes %.2fx, 2 workers vs 1 process %.2fx (goal: 2 workers "
                        + ">= 4x joblib on 2)%n", j1.seconds() / one.seconds, j2.seconds() / two.seconds,
                j1.seconds() / two.seconds);
        System.out.printf(Locale.ROOT, "  best validation loss (mean cross-entropy from the logits on both sides): "
                        + "service %.4f, scikit-learn %.4f (log_loss's clipped figure %.4f; goal: service's at least "
                        + "as good; over seeds and initializations: BestLossComparison)%n",
                Math.min(one.bestValLoss, two.bestValLoss), j1.bestValLoss(), j1.bestClippedValLoss());
        System.out.printf(Locale.ROOT, "  %-4s %-28s %10s %10s %9s %9s%n", "#", "configuration", "engine s",
                "sklearn s", "loss", "sk loss");
        for (int i = 0; i < one.trials.size(); i++) {
            TrialEntity t = one.trials.get(i);
            TrialParams p = t.getParams();
            JoblibSearch.Fit f = j1.fits().get(i);
            System.out.printf(Locale.ROOT, "  %-4d %-28s %10.3f %10.3f %9.4f %9.4f%n", t.getNumber(),
                    String.format(Locale.ROOT, "%s %s lr %.1e", p.activation(), p.hiddenWidths(), p.learningRate()),
                    t.getDurationMs() / 1e3, f.seconds(), t.getValLoss(), f.valLoss());
        }
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
