package dev.hypersearch.bench;

import dev.hypersearch.scaleout.AppProcess;
import dev.hypersearch.scaleout.Await;
import dev.hypersearch.scaleout.Pg;
import dev.hypersearch.scaleout.Searches;
import dev.hypersearch.search.SearchSpec;
import dev.hypersearch.search.Strategies;
import dev.hypersearch.search.Strategy;
import dev.hypersearch.search.TrialParams;
import dev.hypersearch.search.TrialStatus;
import dev.hypersearch.store.ClaimedTrial;
import dev.hypersearch.store.SearchChangedEvent;
import dev.hypersearch.store.SearchEntities;
import dev.hypersearch.store.SearchLifecycle;
import dev.hypersearch.store.SearchStatus;
import dev.hypersearch.store.TrialQueue;
import dev.hypersearch.store.TestResults;
import dev.hypersearch.store.TrialResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Scheduling throughput: how many trials per second the queue hands out and takes back, with trivial
 * trials (iris, 1 epoch, 2 hidden units: the training is negligible, the database work is not).
 * <ol>
 * <li>H2, one process: the bare queue (claim + finish) and the full worker path (claim, load, train, epoch,
 * result, search bookkeeping) with 1 thread (baseline) and N threads. Target: >= 1,000 trials/s.</li>
 * <li>PostgreSQL, 4 worker processes x 8 threads started from the class path, all warmed up first; then
 * one of them alone (baseline, the others stopped). Target: >= 500 trials/s with 4.</li>
 * <li>Real trials (digits, 64-128-10, 20 epochs) on PostgreSQL with 1 then 2 processes of one worker each.</li>
 * </ol>
 * Every figure is the best of 3 runs, with the CPU time it cost per trial (this process, or the worker
 * processes and PostgreSQL's from /proc), and the rate that CPU cost allows on idle cores: on a shared
 * machine the wall-clock rate also measures the neighbours.
 * Run: {@code ./mvnw -q -Pbench test-compile exec:exec -Dbench.main=dev.hypersearch.bench.SchedulingBenchmark}
 * (needs the machine's PostgreSQL on 127.0.0.1:5432, database test). {@code -Dbench.args="h2"} or
 * {@code "pg"} runs one part; {@code "pg 2"} runs the worker processes with 2 threads each.
 */
public final class SchedulingBenchmark {

    static final int TRIALS = 2000;
    static final int WARM_UP = 300;
    static final int H2_THREADS = 8;
    static final int PG_PROCESSES = 4;
    static int PG_WARM_UP_ROUNDS = Integer.getInteger("bench.warmup", 12);
    static int PG_THREADS = 8;
    static final int REAL_TRIALS = 16;
    static final List<String> BENCH_JVM = List.of("--add-modules", "jdk.incubator.vector", "-Xmx512m");

    public static void main(String[] args) {
        String part = args.length > 0 ? args[0] : "all";
        if (args.length > 1) {
            PG_THREADS = Integer.parseInt(args[1]);
        }
        System.out.printf("Scheduling benchmark on %d cores (load average %.1f at start; figures are best of %d runs)%n",
                Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), ROUNDS);
        if (!part.equals("pg")) {
            h2();
        }
        if (!part.equals("h2")) {
            postgres();
        }
    }

    // ---------------------------------------------------------------- H2, one process

    static void h2() {
        System.out.println("\n== H2 (in memory), one process, " + TRIALS + " trivial trials");
        double queueOnly;
        try (ConfigurableApplicationContext ctx = h2Context("bench-queue", "none", 0)) {
            queueOnly(ctx, 1, WARM_UP);
            double one = queueOnly(ctx, 1, TRIALS);
            queueOnly = queueOnly(ctx, H2_THREADS, TRIALS);
            System.out.printf("bare queue (claim + finish), 1 thread:      %8.0f trials/s%n", one);
            System.out.printf("bare queue (claim + finish), %d threads:     %8.0f trials/s  (x%.2f)%n", H2_THREADS,
                    queueOnly, queueOnly / one);
        }
        double baseline;
        double baselineCpu;
        try (ConfigurableApplicationContext ctx = h2Context("bench-w1", "all", 1)) {
            h2Search(ctx, WARM_UP);
            baseline = best(() -> h2Search(ctx, TRIALS));
            baselineCpu = lastCpuMillisPerTrial;
        }
        double many;
        double manyCpu;
        try (ConfigurableApplicationContext ctx = h2Context("bench-w" + H2_THREADS, "all", H2_THREADS)) {
            h2Search(ctx, WARM_UP);
            many = best(() -> h2Search(ctx, TRIALS));
            manyCpu = lastCpuMillisPerTrial;
        }
        System.out.printf("worker pool, 1 thread (baseline):          %8.0f trials/s  %s%n", baseline, cpu(baselineCpu));
        System.out.printf("worker pool, %d threads:                    %8.0f trials/s  (x%.2f vs baseline;"
                + " target >= 1000: %s)  %s%n", H2_THREADS, many, many / baseline, many >= 1000 ? "met" : "NOT met",
                cpu(manyCpu));
    }

    static final int ROUNDS = 3;

    /** Best of {@link #ROUNDS} runs: on a shared machine the slow runs measure the neighbours, not this code. */
    static double best(java.util.function.DoubleSupplier run) {
        double best = 0;
        double bestCpu = 0;
        for (int i = 0; i < ROUNDS; i++) {
            double r = run.getAsDouble();
            if (r > best) {
                best = r;
                bestCpu = lastCpuMillisPerTrial;
            }
        }
        lastCpuMillisPerTrial = bestCpu;
        return best;
    }

    static ConfigurableApplicationContext h2Context(String db, String role, int workers) {
        return BenchService.start(db, role, workers, "--hypersearch.poll-millis=20").context();
    }

    static long createSearch(ConfigurableApplicationContext ctx, int trials) {
        Map<String, Object> raw = Searches.trivial("bench", trials);
        SearchSpec spec = SearchSpec.parse(raw);
        Strategy strategy = Strategies.create(spec);
        List<TrialParams> params = new ArrayList<>();
        for (long k = 0; k < strategy.trialCount(); k++) {
            params.add(strategy.paramsFor(k));
        }
        return ctx.getBean(SearchLifecycle.class).create(SearchEntities.of(raw, params.size(), Instant.now()), params)
                .getId();
    }

    /** Claims and finishes every queued trial with the given number of threads, no training. */
    static double queueOnly(ConfigurableApplicationContext ctx, int threads, int trials) {
        createSearch(ctx, trials);
        TrialQueue queue = ctx.getBean(TrialQueue.class);
        TrialResult result = TestResults.holdout(TrialStatus.COMPLETED, 0.5, 0.5, 1, 0.9, 0.4, 1, 1, null);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String worker = "bench-" + t;
                done.add(pool.submit(() -> {
                    Optional<ClaimedTrial> c;
                    while ((c = queue.claim(worker, Duration.ofSeconds(30))).isPresent()) {
                        queue.finish(c.get().lease(), result);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
        return trials / ((System.nanoTime() - start) / 1e9);
    }

    /** Submits a search to the in-process workers and waits for its end; trials per second. */
    static double h2Search(ConfigurableApplicationContext ctx, int trials) {
        SearchLifecycle lifecycle = ctx.getBean(SearchLifecycle.class);
        long id = createSearch(ctx, trials);
        long start = System.nanoTime();
        long cpu = processCpuNanos();
        ctx.publishEvent(new SearchChangedEvent(id, SearchStatus.RUNNING));
        Await.until(Duration.ofMinutes(10), "search " + id, () -> lifecycle.statusOf(id) != SearchStatus.RUNNING);
        double seconds = (System.nanoTime() - start) / 1e9;
        lastCpuMillisPerTrial = (processCpuNanos() - cpu) / 1e6 / trials;
        if (lifecycle.statusOf(id) != SearchStatus.COMPLETED) {
            throw new IllegalStateException("search ended " + lifecycle.statusOf(id));
        }
        return trials / seconds;
    }

    static double lastCpuMillisPerTrial;

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static String cpu(double millisPerTrial) {
        return String.format("CPU %.3f ms/trial -> %,.0f trials/s on %d idle cores", millisPerTrial,
                Runtime.getRuntime().availableProcessors() * 1000 / millisPerTrial,
                Runtime.getRuntime().availableProcessors());
    }

    // ---------------------------------------------------------------- PostgreSQL, several processes

    static void postgres() {
        System.out.printf("%n== PostgreSQL, worker processes x %d threads, %d trivial trials%n", PG_THREADS, TRIALS);
        List<AppProcess> processes = new ArrayList<>();
        try (Pg pg = Pg.freshSchema()) {
            try {
                for (int i = 0; i < PG_PROCESSES; i++) {
                    processes.add(startWorker(pg, "bench-pg-" + i, PG_THREADS));
                }
                processes.forEach(AppProcess::awaitWorkersStarted);
                // Every JVM compiles the whole claim/train/report path first: warm all of them before measuring
                // (with 3 rounds instead of 12 the new processes still ran half-compiled code: 2-3x the CPU).
                for (int i = 0; i < PG_WARM_UP_ROUNDS; i++) {
                    pgSearch(pg, processes, Searches.trivial("warm-up", TRIALS), TRIALS);
                }
                Rate four = bestRate(() -> pgSearch(pg, processes, Searches.trivial("four", TRIALS), TRIALS));
                // The baseline: one of the same warm processes, the others stopped (SIGTERM).
                while (processes.size() > 1) {
                    processes.remove(processes.size() - 1).terminate(Duration.ofMinutes(1));
                }
                Rate one = bestRate(() -> pgSearch(pg, processes, Searches.trivial("one", TRIALS), TRIALS));
                System.out.printf("1 process (baseline):  %s%n", one);
                System.out.printf("%d processes:           %s%n    x%.2f vs baseline; target >= 500: %s%n",
                        PG_PROCESSES, four, four.perSecond / one.perSecond, four.perSecond >= 500 ? "met" : "NOT met");
            } finally {
                processes.forEach(AppProcess::close);
                processes.clear();
            }

            System.out.printf("%n== PostgreSQL, real trials: %d x digits 64-128-10, 20 epochs, batch 64;"
                    + " processes of 1 worker thread%n", REAL_TRIALS);
            try {
                Map<String, Object> real = Searches.spec("real", "digits", REAL_TRIALS, 20, 128, 64);
                processes.add(startWorker(pg, "bench-real-0", 1));
                processes.forEach(AppProcess::awaitWorkersStarted);
                pgSearch(pg, processes, Searches.spec("warm-up", "digits", 4, 20, 128, 64), 4);
                Rate one = bestRate(() -> pgSearch(pg, processes, real, REAL_TRIALS));
                processes.add(startWorker(pg, "bench-real-1", 1));
                processes.forEach(AppProcess::awaitWorkersStarted);
                pgSearch(pg, processes, Searches.spec("warm-up", "digits", 4, 20, 128, 64), 4);
                Rate two = bestRate(() -> pgSearch(pg, processes, real, REAL_TRIALS));
                System.out.printf("1 process (baseline):  %s%n", one);
                System.out.printf("2 processes:           %s%n    x%.2f vs baseline%n", two,
                        two.perSecond / one.perSecond);
            } finally {
                processes.forEach(AppProcess::close);
            }
        }
    }

    static Rate bestRate(java.util.function.Supplier<Rate> run) {
        Rate best = null;
        for (int i = 0; i < ROUNDS; i++) {
            Rate r = run.get();
            if (best == null || r.perSecond > best.perSecond) {
                best = r;
            }
        }
        return best;
    }

    static AppProcess startWorker(Pg pg, String name, int threads) {
        List<String> args = new ArrayList<>(AppProcess.workerArgs(pg, threads, "--spring.main.banner-mode=off"));
        // Idle workers poll at the default interval, as in production (the tests' 50 ms would add load).
        args.replaceAll(a -> a.startsWith("--hypersearch.poll-millis=") ? "--hypersearch.poll-millis=500" : a);
        String extra = System.getProperty("pg.url.options", "");
        if (!extra.isEmpty()) {
            args.replaceAll(a -> a.startsWith("--spring.datasource.url=") ? a + "&" + extra : a);
        }
        List<String> jvm = new ArrayList<>(BENCH_JVM);
        if (Boolean.getBoolean("bench.jfr")) {
            jvm.add("-XX:StartFlightRecording=settings=profile,filename=target/" + name + ".jfr");
        }
        return AppProcess.startClasspath(name + "-" + pg.schema, jvm, args);
    }

    record Rate(int trials, double seconds, double perSecond, double workerCpuMillis, double postgresCpuMillis) {
        @Override
        public String toString() {
            return String.format("%8.0f trials/s  (%d trials in %.2f s, first claim to last result; CPU per trial:"
                    + " workers %.2f ms + PostgreSQL %.2f ms -> %,.0f trials/s on %d idle cores)", perSecond, trials,
                    seconds, workerCpuMillis, postgresCpuMillis,
                    Runtime.getRuntime().availableProcessors() * 1000 / (workerCpuMillis + postgresCpuMillis),
                    Runtime.getRuntime().availableProcessors());
        }
    }

    /**
     * Submits and waits; the rate is measured by the database clock from the first claim to the last result.
     * CPU comes from /proc: the worker processes', and all PostgreSQL processes' (which includes anything else
     * using the cluster meanwhile).
     */
    static Rate pgSearch(Pg pg, List<AppProcess> workers, Map<String, Object> spec, int trials) {
        long workerCpu = ProcCpu.ofPids(workers.stream().map(AppProcess::pid).toList());
        long postgresCpu = ProcCpu.ofCommand("postgres");
        long id = Searches.submit(pg, spec);
        Await.until(Duration.ofMinutes(10), "search " + id, () -> !"RUNNING".equals(pg.searchStatus(id)));
        double workerMillis = (ProcCpu.ofPids(workers.stream().map(AppProcess::pid).toList()) - workerCpu) / 1e6;
        double postgresMillis = (ProcCpu.ofCommand("postgres") - postgresCpu) / 1e6;
        if (pg.count("SELECT COUNT(*) FROM trial WHERE search_id = ? AND status = 'COMPLETED'", id) != trials) {
            throw new IllegalStateException("search " + id + " ended with " + pg.statusCounts(id));
        }
        double seconds = ((Number) pg.value("SELECT EXTRACT(EPOCH FROM MAX(finished_at) - MIN(started_at))"
                + " FROM trial WHERE search_id = ?", id)).doubleValue();
        return new Rate(trials, seconds, trials / seconds, workerMillis / trials, postgresMillis / trials);
    }

    /** Process CPU time (user + system) from /proc/PID/stat, in nanoseconds; Linux only. */
    static final class ProcCpu {
        static final long TICK_NANOS = 10_000_000L; // USER_HZ = 100

        static long ofPids(List<Long> pids) {
            return pids.stream().mapToLong(ProcCpu::of).sum();
        }

        static long ofCommand(String comm) {
            long total = 0;
            java.io.File[] dirs = new java.io.File("/proc").listFiles(f -> f.getName().matches("\\d+"));
            for (java.io.File d : dirs == null ? new java.io.File[0] : dirs) {
                try {
                    if (java.nio.file.Files.readString(d.toPath().resolve("comm")).trim().equals(comm)) {
                        total += of(Long.parseLong(d.getName()));
                    }
                } catch (java.io.IOException | RuntimeException e) {
                    // the process ended meanwhile
                }
            }
            return total;
        }

        static long of(long pid) {
            try {
                String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", Long.toString(pid), "stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                // after "pid (comm) ": state is field 3, utime 14 and stime 15 (1-based) -> indexes 11 and 12 here
                return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * TICK_NANOS;
            } catch (java.io.IOException | RuntimeException e) {
                return 0;
            }
        }
    }
}
