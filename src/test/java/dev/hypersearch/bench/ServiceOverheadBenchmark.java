package dev.hypersearch.bench;

import dev.hypersearch.store.TrialEntity;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.Map;

/**
 * The service's trials against the bare engine's on the same 40 configurations, alternating in one JVM: the service
 * with 1 worker (a fresh context each round, as {@link SearchBenchmark} starts it), then the bare engine on 1
 * thread, {@code rounds} times. Round 0 is the service on a freshly warmed JVM (its first search); later rounds run
 * on kernels the JIT has compiled, so the cold start and the service's own costs show apart. Prints per round the
 * wall and CPU times, KB per epoch, CPU by thread group (workers, JIT, GC, other) and each trial's two durations.
 * Run: {@code ./mvnw -q -Pbench test-compile exec:exec -Dbench.main=dev.hypersearch.bench.ServiceOverheadBenchmark
 * -Dbench.args=3}
 */
public final class ServiceOverheadBenchmark {

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        SearchCompilations.initialize(); // before anything is compiled: SearchBenchmark.run records with JFR
        for (int round = 0; round < rounds; round++) {
            SearchBenchmark.Run s = SearchBenchmark.run(1);
            Map<String, Long> cpuBefore = ThreadGroupCpu.cpuMillis();
            EngineAlone.Result e = EngineAlone.run(s.params(), s.data(), SearchBenchmark.SEED, 1);
            Map<String, Long> bareCpu = ThreadGroupCpu.minus(ThreadGroupCpu.cpuMillis(), cpuBefore);
            System.out.printf(Locale.ROOT, "round %d, load average %.2f: service wall %.2f s, trials %.2f s, worker CPU"
                            + " %.2f s, %.1f KB/epoch | bare engine wall %.2f s, CPU %.2f s, %.1f KB/epoch | service /"
                            + " bare: trials %.2fx, CPU %.2fx%n", round,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), s.seconds(),
                    s.summedTrialSeconds(), s.costs().workerCpuNanos() / 1e9,
                    s.costs().workerAllocated() / 1e3 / s.epochs(), e.seconds(), e.cpuNanos() / 1e9, e.kbPerEpoch(),
                    s.summedTrialSeconds() / e.summedTrialSeconds(),
                    s.costs().workerCpuNanos() / (double) e.cpuNanos());
            System.out.printf(Locale.ROOT, "  CPU ms by thread group: service %s, bare engine %s%n", s.threadCpu(),
                    bareCpu);
            StringBuilder b = new StringBuilder("  per trial, service / bare engine ms:");
            for (int i = 0; i < s.trials().size(); i++) {
                TrialEntity t = s.trials().get(i);
                b.append(String.format(Locale.ROOT, " %d/%.0f", t.getDurationMs(), e.trialSeconds()[i] * 1e3));
            }
            System.out.println(b);
        }
    }
}
