package dev.hypersearch.bench;

import dev.hypersearch.nn.Gemm;
import dev.hypersearch.nn.GemmBlocking;
import dev.hypersearch.nn.Gemms;
import dev.hypersearch.nn.Precision;
import dev.hypersearch.nn.VectorHardware;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;

/**
 * GEMM micro-benchmark: GFLOPS of EJML and of the Vector API GEMM under every register blocking it has
 * ({@link GemmBlocking#ALL}, the one {@link Gemms#fastest()} chose on this machine marked {@code *}), for each op
 * at the reference net's shapes (64-128-64-10, batch 64) and a few others, each also as a share of this core's
 * f64 FMA peak ({@link FmaPeak}, measured first and again last). Each case is warmed up, then timed in
 * {@value #REPS} repetitions of about {@value #REP_MILLIS} ms, the GEMMs taking turns within each repetition so
 * that all see the same load, in thread CPU time ({@link ThreadCpuClock}: a busy machine stretches the run, not
 * the figures); the best is printed with the median in brackets.
 * The last line sums the reference net's nine products: total flops over total best time, per blocking.
 *
 * <p>Run: {@code ./mvnw -q -Pbench test-compile exec:exec -Dbench.main=dev.hypersearch.bench.GemmBenchmark}
 * (the profile passes the engine's JVM flags). Arguments, if any, keep only the cases whose label
 * ("multTransB 64x10x64") contains one of them: {@code -Dbench.args="multTransB 64x10"}; {@code reference} keeps
 * the reference net's nine.
 *
 * <p>The last column is the bytes the chosen path allocated per call during the timed repetitions
 * (ThreadMXBean): 0 once C2 has compiled the kernels and keeps every vector in registers. This is a JIT property
 * (when C2 compiles, what it inlines), so it is reported here rather than asserted in a unit test.
 */
public final class GemmBenchmark {

    private static final int REPS = 15;
    private static final long REP_MILLIS = 20;
    private static final long WARMUP_MILLIS = 200;
    /** The first nine cases are the reference net's products. */
    private static final int REFERENCE_CASES = 9;

    enum Op { mult, multTransA, multTransB }

    /** op, m, k, n: op(a) is m x k, op(b) is k x n. */
    private static final Object[][] CASES = {
            {Op.mult, 64, 64, 128}, {Op.mult, 64, 128, 64}, {Op.mult, 64, 64, 10},
            {Op.multTransA, 64, 64, 128}, {Op.multTransA, 128, 64, 64}, {Op.multTransA, 64, 64, 10},
            {Op.multTransB, 64, 128, 64}, {Op.multTransB, 64, 64, 128}, {Op.multTransB, 64, 10, 64},
            {Op.mult, 29, 64, 128}, {Op.multTransA, 64, 29, 128}, {Op.multTransB, 29, 128, 64},
            {Op.mult, 1437, 64, 128}, {Op.multTransA, 64, 1437, 128}, {Op.multTransB, 1437, 128, 64},
            {Op.mult, 256, 256, 256}, {Op.multTransA, 256, 256, 256}, {Op.multTransB, 256, 256, 256},
            // the search's widest nets (hidden layers of 256, batch 64)
            {Op.mult, 64, 64, 256}, {Op.mult, 64, 256, 256}, {Op.mult, 64, 256, 10},
            {Op.multTransA, 64, 64, 256}, {Op.multTransA, 256, 64, 256}, {Op.multTransA, 256, 64, 10},
            {Op.multTransB, 64, 256, 256}, {Op.multTransB, 64, 10, 256},
    };

    private static double sink;

    private GemmBenchmark() {
    }

    public static void main(String[] args) throws InterruptedException {
        Gemm ref = Gemms.reference();
        Gemm fast = Gemms.fastest();
        List<GemmBlocking> blockings = GemmBlocking.ALL;
        List<Gemm> gemms = new ArrayList<>();
        gemms.add(ref);
        for (GemmBlocking b : blockings) {
            gemms.add(Gemms.vector(b));
        }
        // Last columns: the mixed-precision float32 GEMM under each blocking that fits this machine's registers
        // (the f32 path runs the f64 path's choice), its GFLOPS counting float32 operations, its share of the f32 peak.
        List<GemmBlocking> blockings32 = blockings.stream()
                .filter(b -> b.registers() <= VectorHardware.registers()).toList();
        for (GemmBlocking b : blockings32) {
            gemms.add(Gemms.vector(b, Precision.FLOAT32));
        }
        double peak = FmaPeak.f64Gflops();
        double peak32 = FmaPeak.f32Gflops();
        double[] peaks = new double[gemms.size()];
        Arrays.fill(peaks, peak);
        Arrays.fill(peaks, 1 + blockings.size(), gemms.size(), peak32);
        System.out.printf(Locale.ROOT, "java %s, %d cores, fastest: %s%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), fast);
        System.out.printf(Locale.ROOT, "FMA peak, one core: f64 %.1f GFLOPS, f32 %.1f GFLOPS%n", peak, peak32);
        System.out.printf(Locale.ROOT, "best (median) GFLOPS over %d reps in %s, %% of the f64 peak; * = chosen%n",
                REPS, ThreadCpuClock.describe());
        StringBuilder head = new StringBuilder(
                String.format(Locale.ROOT, "%-11s %-12s %19s", "op", "m x k x n", "ejml"));
        for (GemmBlocking b : blockings) {
            head.append(String.format(Locale.ROOT, " %19s", "vector " + b + (isChosen(fast, b) ? "*" : "")));
        }
        for (GemmBlocking b : blockings32) {
            head.append(String.format(Locale.ROOT, " %19s", "f32 " + b + (isChosen(fast, b) ? "*" : "")
                    + " (% f32)"));
        }
        System.out.println(head.append(String.format(Locale.ROOT, " %8s", "B/call")));
        Random rnd = new Random(1);
        double refFlops = 0;
        double[] refSeconds = new double[gemms.size()];
        boolean first = true;
        for (int ci = 0; ci < CASES.length; ci++) {
            Object[] cs = CASES[ci];
            Op op = (Op) cs[0];
            int m = (Integer) cs[1];
            int k = (Integer) cs[2];
            int n = (Integer) cs[3];
            String label = op + " " + m + "x" + k + "x" + n;
            boolean keep = args.length == 0 || Arrays.stream(args).anyMatch(label::contains)
                    || ci < REFERENCE_CASES && Arrays.asList(args).contains("reference");
            if (!keep) {
                continue;
            }
            DMatrixRMaj a = op == Op.multTransA ? random(k, m, rnd) : random(m, k, rnd);
            DMatrixRMaj b = op == Op.multTransB ? random(n, k, rnd) : random(k, n, rnd);
            DMatrixRMaj c = new DMatrixRMaj(m, n);
            double flops = 2.0 * m * k * n;
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-11s %-12s", op, m + "x" + k + "x" + n));
            double allocated = Double.NaN;
            // The first case also waits for C2, whose compiler threads a busy machine starves.
            double[][] measured = measure(gemms, op, a, b, c, flops, first ? 5 * WARMUP_MILLIS : WARMUP_MILLIS);
            first = false;
            for (int g = 0; g < gemms.size(); g++) {
                double[] r = measured[g];
                row.append(String.format(Locale.ROOT, " %6.1f (%5.1f) %3.0f%%", r[0], r[1], 100 * r[0] / peaks[g]));
                if (ci < REFERENCE_CASES) {
                    refSeconds[g] += flops / (r[0] * 1e9);
                }
                if (g > 0 && g <= blockings.size() && isChosen(fast, blockings.get(g - 1))) {
                    allocated = r[2];
                }
            }
            if (ci < REFERENCE_CASES) {
                refFlops += flops;
            }
            System.out.println(row.append(String.format(Locale.ROOT, " %8.1f", allocated)));
        }
        if (refFlops > 0) {
            StringBuilder sum = new StringBuilder(String.format(Locale.ROOT, "%-24s", "reference net, summed"));
            for (int g = 0; g < refSeconds.length; g++) {
                double gf = refFlops / refSeconds[g] / 1e9;
                sum.append(String.format(Locale.ROOT, " %6.1f %8s %3.0f%%", gf, "", 100 * gf / peaks[g]));
            }
            System.out.println(sum);
        }
        System.out.printf(Locale.ROOT, "FMA peak again at the end: f64 %.1f GFLOPS, f32 %.1f GFLOPS%n",
                FmaPeak.f64Gflops(), FmaPeak.f32Gflops());
        int cores = Runtime.getRuntime().availableProcessors();
        double[] together = FmaPeak.f64GflopsConcurrently(cores);
        System.out.printf(Locale.ROOT, "FMA peak with %d threads at once: f64 %s GFLOPS per thread (sum %.1f: %.2fx one"
                        + " thread's)%n", cores, Arrays.toString(Arrays.stream(together)
                        .map(g -> Math.round(g * 10) / 10.0).toArray()), Arrays.stream(together).sum(),
                Arrays.stream(together).sum() / peak);
        if (sink == 42.4242 || FmaPeak.sink() == 42.4242) {
            System.out.println(sink);
        }
    }

    private static boolean isChosen(Gemm fast, GemmBlocking b) {
        return fast.toString().startsWith("vector " + b + " ");
    }

    /**
     * Times every GEMM on one case, repetition by repetition in turn, so that all see the same load; returns per
     * GEMM {best, median} GFLOPS and the bytes allocated per timed call (NaN where the JVM cannot tell).
     */
    private static double[][] measure(List<Gemm> gemms, Op op, DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c,
                                      double flops, long warmupMillis) {
        int g = gemms.size();
        long[] perRep = new long[g];
        for (int i = 0; i < g; i++) {
            long start = ThreadCpuClock.nanos();
            long calls = 0;
            while (ThreadCpuClock.nanos() - start < warmupMillis * 1_000_000L) {
                for (int r = 0; r < 20; r++) {
                    run(gemms.get(i), op, a, b, c);
                }
                calls += 20;
            }
            perRep[i] = Math.max(1, calls * REP_MILLIS / warmupMillis);
        }
        double[][] gflops = new double[g][REPS];
        long[] allocated = new long[g];
        long overhead = measuringOverheadBytes();
        for (int rep = 0; rep < REPS; rep++) {
            for (int i = 0; i < g; i++) {
                Gemm gemm = gemms.get(i);
                long bytes = allocatedBytes();
                long t0 = ThreadCpuClock.nanos();
                for (long call = 0; call < perRep[i]; call++) {
                    run(gemm, op, a, b, c);
                }
                long dt = ThreadCpuClock.nanos() - t0;
                allocated[i] += allocatedBytes() - bytes - overhead;
                sink += c.data[0];
                gflops[i][rep] = flops * perRep[i] / dt;
            }
        }
        double[][] result = new double[g][];
        for (int i = 0; i < g; i++) {
            Arrays.sort(gflops[i]);
            double perCall = (double) allocated[i] / (perRep[i] * REPS);
            result[i] = new double[] {gflops[i][REPS - 1], gflops[i][REPS / 2],
                    allocatedBytes() < 0 ? Double.NaN : perCall};
        }
        return result;
    }

    /** What reading the clock and the allocation counter allocates by itself (the least of a few tries). */
    private static long measuringOverheadBytes() {
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long bytes = allocatedBytes();
            long t0 = ThreadCpuClock.nanos();
            sink += ThreadCpuClock.nanos() - t0;
            least = Math.min(least, allocatedBytes() - bytes);
        }
        return least;
    }

    /** Bytes this thread has allocated so far, or -1 without HotSpot's thread allocation counter. */
    private static long allocatedBytes() {
        return ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t
                && t.isThreadAllocatedMemorySupported() && t.isThreadAllocatedMemoryEnabled()
                ? t.getThreadAllocatedBytes(Thread.currentThread().getId()) : -1;
    }

    private static void run(Gemm g, Op op, DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        switch (op) {
            case mult -> g.mult(a, b, c);
            case multTransA -> g.multTransA(a, b, c);
            case multTransB -> g.multTransB(a, b, c);
        }
    }

    private static DMatrixRMaj random(int rows, int cols, Random rnd) {
        DMatrixRMaj x = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < x.data.length; i++) {
            x.data[i] = rnd.nextGaussian();
        }
        return x;
    }
}
