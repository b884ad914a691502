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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
 * ({@code -Dbench.args=service} skips scikit-learn; {@code repeat=N} runs the measured search N times in each
 * service and reports the last, the JIT's one-time compilations of the first searches left out). {@code precision=float32} or {@code precision=float64} sets the
 * search's precision (the service's and the bare engine's trials; unset: the service's default, left out of the
 * spec); {@code precision=float64,float32} runs the whole benchmark at each in turn, back to back, then compares
 * the two runs' validation scores trial by trial against the seed-to-seed noise of the first precision.
 */
public final class SearchBenchmark {

    static final long SEED = 42;

    /** {@code repeat=N}: the measured search runs N times in each service; the last one is reported. */
    private static int measuredSearches = 1;

    static Map<String, Object> spec(String name, int trials, int epochs) {
        return spec(name, trials, epochs, null);
    }

    /** @param precision the space's precision; null leaves it out (the service's default) */
    static Map<String, Object> spec(String name, int trials, int epochs, String precision) {
        Map<String, Object> space = new LinkedHashMap<>();
        space.put("learningRate", Map.of("floatRange", Map.of("min", 1e-4, "max", 1e-1, "log", true)));
        space.put("hiddenUnits", Map.of("choice", List.of(32, 64, 128, 256)));
        space.put("hiddenLayers", Map.of("intRange", Map.of("min", 1, "max", 3)));
        space.put("activation", Map.of("choice", List.of("relu", "tanh", "sigmoid")));
        space.put("l2", Map.of("floatRange", Map.of("min", 1e-6, "max", 1e-2, "log", true)));
        space.put("epochs", epochs);
        space.put("batchSize", 64);
        if (precision != null) {
            space.put("precision", precision);
        }
        return Map.of("name", name, "dataset", "digits", "strategy", "random", "maxTrials", trials, "seed", SEED,
                "space", space);
    }

    /**
     * One measured search: its trials (by number), the data they trained on (the worker's own preparation of the
     * search's split) and what the JVM spent meanwhile.
     */
    record Run(int workers, double seconds, double bestValLoss, List<TrialEntity> trials, PreparedData data,
               WorkerCosts costs, Map<String, Long> threadCpu, SearchCompilations.Report jit) {
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

        /** The precision the trials trained at, as their rows say. */
        String precision() {
            return String.join("+", trials.stream().map(t -> t.getParams().precision().name()).distinct().toList());
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
        SearchCompilations.initialize();
        for (String a : args) {
            if (a.startsWith("repeat=")) {
                measuredSearches = Integer.parseInt(a.substring("repeat=".length()));
            }
        }
        List<String> precisions = new ArrayList<>();
        for (String a : args) {
            if (a.startsWith("precision=")) {
                precisions.addAll(List.of(a.substring("precision=".length()).split(",")));
            }
        }
        if (precisions.isEmpty()) {
            precisions.add(null); // the service's default
        }
        List<Run> runs = new ArrayList<>();
        for (String precision : precisions) {
            runs.add(measure(precision, withSklearn));
        }
        if (runs.size() > 1) {
            printPrecisions(runs);
        }
    }

    /** The whole benchmark at one precision (null: the service's default); answers the 1-worker run. */
    private static Run measure(String precision, boolean withSklearn) throws Exception {
        System.out.printf(Locale.ROOT, "=== precision %s; load average before: %.2f%n",
                precision == null ? "unset (the service's default)" : precision, load());
        Run one = run(1, precision);
        Run two = run(2, precision);
        if (!one.params().equals(two.params())) {
            throw new IllegalStateException("the two runs drew different trials; the seed should fix them");
        }
        System.out.printf(Locale.ROOT, "40-trial random search on digits (20 epochs, batch 64, precision %s), whole "
                + "service on H2; load average %.2f%n", one.precision(), load());
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
        List<JoblibSearch.Result> joblib = withSklearn ? JoblibSearch.run(one.data, one.params(), 1, 2) : null;
        if (withSklearn) {
            printSklearn(one, two, joblib);
        }
        printBound(one, two, joblib);
        System.out.printf(Locale.ROOT, "load average after: %.2f%n", load());
        return one;
    }

    /**
     * The runs' validation scores trial by trial (same configurations, seeds and split; only the precision
     * differs) beside the noise of a change of seed: the first run's trials on the bare engine with the next seed.
     */
    private static void printPrecisions(List<Run> runs) throws Exception {
        Run base = runs.get(0);
        System.out.printf(Locale.ROOT, "validation scores by precision, the same 40 trials (1-worker runs) against "
                + "%s; load average %.2f%n", base.precision(), load());
        System.out.printf(Locale.ROOT, "  %-22s %13s %15s %15s %13s %13s %10s%n", "", "best val loss",
                "median |dloss|", "max |dloss|", "mean val acc", "mean dacc", "acc moved");
        EngineAlone.Result reseeded = EngineAlone.run(base.params(), base.data, SEED + 1, 1);
        double[] baseLoss = base.trials.stream().mapToDouble(TrialEntity::getValLoss).toArray();
        double[] baseAcc = base.trials.stream().mapToDouble(TrialEntity::getValAccuracy).toArray();
        printScores(base.precision() + " seed " + SEED, base.bestValLoss, baseLoss, baseAcc, baseLoss, baseAcc);
        for (Run r : runs.subList(1, runs.size())) {
            if (!samePoints(base.params(), r.params())) {
                throw new IllegalStateException("the precisions' runs drew different trials");
            }
            printScores(r.precision() + " seed " + SEED, r.bestValLoss,
                    r.trials.stream().mapToDouble(TrialEntity::getValLoss).toArray(),
                    r.trials.stream().mapToDouble(TrialEntity::getValAccuracy).toArray(), baseLoss, baseAcc);
        }
        double best = java.util.Arrays.stream(reseeded.valLoss()).filter(Double::isFinite).min().orElse(Double.NaN);
        printScores(base.precision() + " seed " + (SEED + 1) + " (noise)", best, reseeded.valLoss(),
                reseeded.valAccuracy(), baseLoss, baseAcc);
        System.out.println("  (d: against the first row, trial by trial; the noise row is the bare engine with the "
                + "next seed: other initializations and batch orders, same split)");
    }

    /** The same trials but for their precision. */
    private static boolean samePoints(List<TrialParams> a, List<TrialParams> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            Map<String, Object> x = new HashMap<>(a.get(i).values());
            Map<String, Object> y = new HashMap<>(b.get(i).values());
            x.remove("precision");
            y.remove("precision");
            if (!x.equals(y)) {
                return false;
            }
        }
        return true;
    }

    private static void printScores(String label, double bestValLoss, double[] loss, double[] acc, double[] baseLoss,
                                    double[] baseAcc) {
        double[] dLoss = new double[loss.length];
        double dAcc = 0;
        double meanAcc = 0;
        int moved = 0;
        for (int i = 0; i < loss.length; i++) {
            dLoss[i] = Math.abs(loss[i] - baseLoss[i]);
            dAcc += (acc[i] - baseAcc[i]) / loss.length;
            meanAcc += acc[i] / loss.length;
            moved += acc[i] != baseAcc[i] ? 1 : 0;
        }
        double[] sorted = dLoss.clone();
        java.util.Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "  %-22s %13.4f %15.2e %15.2e %13.4f %+13.4f %7d/%d%n", label, bestValLoss,
                sorted[sorted.length / 2], sorted[sorted.length - 1], meanAcc, dAcc, moved, loss.length);
    }

    static Run run(int workers) throws Exception {
        return run(workers, null);
    }

    static Run run(int workers, String precision) throws Exception {
        // The engine's start-up warm-up as deployed (the tests' properties turn it off), then a small search: the
        // JIT compiles the engine, the database and the worker path before the measured search.
        try (BenchService service = BenchService.start("bench-" + workers, "all", workers,
                "--hypersearch.warmup.enabled=true")) {
            service.run(spec("warm-up", 2 * workers, 5, precision));
            Run last = null;
            for (int k = 1; k <= measuredSearches; k++) {
                last = measured(service, workers, precision);
                if (measuredSearches > 1) {
                    System.out.printf(Locale.ROOT, "  %d worker(s), measured search %d of %d in this service: %.2f s,"
                            + " CPU ms %s%n", workers, k, measuredSearches, last.seconds, last.threadCpu);
                }
            }
            return last;
        }
    }

    /** One measured search in a running service. */
    private static Run measured(BenchService service, int workers, String precision) throws Exception {
        MeterRegistry meters = service.context().getBean(MeterRegistry.class);
        WorkerCosts before = WorkerCosts.snapshot(meters);
        Map<String, Long> cpuBefore = ThreadGroupCpu.cpuMillis();
        SearchCompilations compilations = new SearchCompilations();
        long start = System.nanoTime();
        SearchEntity done = service.run(spec("measured", 40, 20, precision));
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Long> threadCpu = ThreadGroupCpu.minus(ThreadGroupCpu.cpuMillis(), cpuBefore);
        SearchCompilations.Report jit;
        try (compilations) {
            jit = compilations.stop();
        }
        WorkerCosts costs = WorkerCosts.snapshot(meters).minus(before);
        List<TrialEntity> trials = service.trials(done.getId()).stream()
                .sorted(Comparator.comparingInt(TrialEntity::getNumber)).toList();
        return new Run(workers, seconds, BenchService.bestValLoss(done, trials), trials,
                preparedAsWorkers(service, done.searchSpec()), costs, threadCpu, jit);
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
        System.out.println("what the JIT compiled and deoptimized during the measured search (JFR; CPU ms by thread "
                + "group below):");
        for (Run r : runs) {
            r.jit.print(r.workers + " worker" + (r.workers == 1 ? "" : "s") + ", CPU ms " + r.threadCpu, 15);
        }
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

    /**
     * The physical bound on the search ({@link TrialFlops}): the trials' GEMM flops (each trial's epochs run,
     * training and validation) at this machine's FMA peak, one core and both cores at once, measured now; the
     * service's effective GFLOPS (flops over its wall time) and the best ratio to joblib the peak allows (joblib's
     * wall time over the flops' time at 100 % and 70 % of the peak: perfect scaling, no service or elementwise work,
     * so an upper bound).
     */
    private static void printBound(Run one, Run two, List<JoblibSearch.Result> joblib) throws InterruptedException {
        int trainRows = one.data.train().size();
        int valRows = one.data.validation().size();
        double flops = 0;
        double sklearnFlops = 0;
        for (TrialEntity t : one.trials) {
            TrialParams p = t.getParams();
            List<Integer> widths = TrialFlops.widths(one.data.numFeatures(), p.hiddenWidths(), one.data.numClasses());
            flops += TrialFlops.engineTrial(widths, trainRows, valRows,
                    t.getEpochsRun() == null ? 0 : t.getEpochsRun());
            sklearnFlops += TrialFlops.sklearnFit(widths, trainRows, p.epochs());
        }
        boolean f32 = one.trials.stream().allMatch(t -> t.getParams().precision() == TrialParams.Precision.float32);
        double core = f32 ? FmaPeak.f32Gflops() : FmaPeak.f64Gflops();
        double[] together = f32 ? FmaPeak.f32GflopsConcurrently(2) : FmaPeak.f64GflopsConcurrently(2);
        double cores = together[0] + together[1];
        System.out.printf(Locale.ROOT, "physical bound (precision %s; load average %.2f): the 40 trials are %.1f GFLOP"
                        + " of GEMM (training and the validation pass each epoch, epochs run; scikit-learn's fits %.1f "
                        + "GFLOP, no validation); FMA peak one core %.1f GFLOPS, two cores at once %.1f + %.1f = %.1f"
                        + " (%s)%n", one.precision(), load(), flops / 1e9, sklearnFlops / 1e9, core, together[0],
                together[1], cores, ThreadCpuClock.describe());
        System.out.printf(Locale.ROOT, "  service effective GFLOPS (wall): 1 worker %.1f (%.0f%% of one core's peak), "
                        + "2 workers %.1f (%.0f%% of both cores')%n", TrialFlops.gflops(flops, one.seconds),
                100 * TrialFlops.gflops(flops, one.seconds) / core, TrialFlops.gflops(flops, two.seconds),
                100 * TrialFlops.gflops(flops, two.seconds) / cores);
        if (joblib == null) {
            return;
        }
        JoblibSearch.Result j1 = joblib.get(0);
        JoblibSearch.Result j2 = joblib.get(1);
        System.out.printf(Locale.ROOT, "  joblib effective GFLOPS (wall): 1 process %.1f, 2 processes %.1f%n",
                TrialFlops.gflops(sklearnFlops, j1.seconds()), TrialFlops.gflops(sklearnFlops, j2.seconds()));
        System.out.printf(Locale.ROOT, "  bound on service / joblib: 1 worker vs 1 process %.2fx at 100%% of the peak, "
                        + "%.2fx at 70%% (measured %.2fx); 2 workers vs 2 processes %.2fx at 100%%, %.2fx at 70%% "
                        + "(measured %.2fx; goal 4x)%n",
                TrialFlops.bound(j1.seconds(), flops, core, 1.0), TrialFlops.bound(j1.seconds(), flops, core, 0.7),
                j1.seconds() / one.seconds, TrialFlops.bound(j2.seconds(), flops, cores, 1.0),
                TrialFlops.bound(j2.seconds(), flops, cores, 0.7), j2.seconds() / two.seconds);
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
