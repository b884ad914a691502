package dev.hypersearch.bench;

import dev.hypersearch.nn.Gemm;
import dev.hypersearch.nn.Gemms;
import dev.hypersearch.nn.Precision;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;

/**
 * GEMM micro-benchmark: GFLOPS of EJML and of {@link Gemms#fastest()} for each op at the reference net's
 * shapes (64-128-64-10, batch 64) and a few others. Each case is warmed up, then timed in
 * {@value #REPS} repetitions of about {@value #REP_MILLIS} ms; best and median are printed.
 *
 * <p>Run: {@code ./mvnw -q -Pbench test-compile exec:exec -Dbench.main=dev.hypersearch.bench.GemmBenchmark}
 * (the profile passes the engine's JVM flags; without them the "fast" column is EJML again). Arguments, if
 * any, keep only the cases whose label ("multTransB 64x10x64") contains one of them:
 * {@code -Dbench.args="multTransB 64x10"}.
 *
 * <p>A second table times the mixed-precision float32 GEMM ({@code Gemms.fastest(FLOAT32)}) against the float64
 * one on the same cases; its GFLOPS count float32 operations.
 *
 * <p>The last column is the bytes the fast path allocated per call during the timed repetitions (ThreadMXBean):
 * 0 once C2 has compiled the kernels and keeps every vector in registers. This is a JIT property (when C2
 * compiles, what it inlines), so it is reported here rather than asserted in a unit test.
 */
public final class GemmBenchmark {

    private static final int REPS = 15;
    private static final long REP_MILLIS = 40;
    private static final long WARMUP_MILLIS = 400;

    enum Op { mult, multTransA, multTransB }

    /** op, m, k, n: op(a) is m x k, op(b) is k x n. */
    private static final Object[][] CASES = {
            {Op.mult, 64, 64, 128}, {Op.mult, 64, 128, 64}, {Op.mult, 64, 64, 10},
            {Op.multTransA, 64, 64, 128}, {Op.multTransA, 128, 64, 64}, {Op.multTransA, 64, 64, 10},
            {Op.multTransB, 64, 128, 64}, {Op.multTransB, 64, 64, 128}, {Op.multTransB, 64, 10, 64},
            {Op.mult, 29, 64, 128}, {Op.multTransA, 64, 29, 128}, {Op.multTransB, 29, 128, 64},
            {Op.mult, 1437, 64, 128}, {Op.multTransA, 64, 1437, 128}, {Op.multTransB, 1437, 128, 64},
            {Op.mult, 256, 256, 256}, {Op.multTransA, 256, 256, 256}, {Op.multTransB, 256, 256, 256},
    };

    private static double sink;

    private GemmBenchmark() {
    }

    public static void main(String[] args) {
        Gemm ref = Gemms.reference();
        Gemm fast = Gemms.fastest();
        System.out.printf(Locale.ROOT, "java %s, %s vs %s; best (median) GFLOPS over %d reps%n",
                System.getProperty("java.version"), ref.name(), fast.name(), REPS);
        System.out.printf(Locale.ROOT, "%-11s %-13s %18s %18s %8s %10s%n", "op", "m x k x n",
                ref.name(), fast.name(), "ratio", "B/call");
        Random rnd = new Random(1);
        for (Object[] cs : CASES) {
            Op op = (Op) cs[0];
            int m = (Integer) cs[1];
            int k = (Integer) cs[2];
            int n = (Integer) cs[3];
            String label = op + " " + m + "x" + k + "x" + n;
            if (args.length > 0 && Arrays.stream(args).noneMatch(label::contains)) {
                continue;
            }
            DMatrixRMaj a = op == Op.multTransA ? random(k, m, rnd) : random(m, k, rnd);
            DMatrixRMaj b = op == Op.multTransB ? random(n, k, rnd) : random(k, n, rnd);
            DMatrixRMaj c = new DMatrixRMaj(m, n);
            double flops = 2.0 * m * k * n;
            double[] r = measure(ref, op, a, b, c, flops);
            double[] f = measure(fast, op, a, b, c, flops);
            System.out.printf(Locale.ROOT, "%-11s %-13s %8.2f (%7.2f) %8.2f (%7.2f) %7.2fx %10.1f%n",
                    op, m + "x" + k + "x" + n, r[0], r[1], f[0], f[1], f[0] / r[0], f[2]);
        }
        compareFloat32(args, fast);
        if (sink == 42.4242) {
            System.out.println(sink);
        }
    }

    /** The float32 GEMM beside the float64 one, case by case. */
    private static void compareFloat32(String[] args, Gemm f64) {
        Gemm f32 = Gemms.fastest(Precision.FLOAT32);
        System.out.printf(Locale.ROOT, "%n%-11s %-13s %18s %18s %8s %10s%n", "op", "m x k x n",
                f64.name(), f32.name(), "ratio", "B/call");
        Random rnd = new Random(2);
        for (Object[] cs : CASES) {
            Op op = (Op) cs[0];
            int m = (Integer) cs[1];
            int k = (Integer) cs[2];
            int n = (Integer) cs[3];
            String label = op + " " + m + "x" + k + "x" + n;
            if (args.length > 0 && Arrays.stream(args).noneMatch(label::contains)) {
                continue;
            }
            DMatrixRMaj a = op == Op.multTransA ? random(k, m, rnd) : random(m, k, rnd);
            DMatrixRMaj b = op == Op.multTransB ? random(n, k, rnd) : random(k, n, rnd);
            DMatrixRMaj c = new DMatrixRMaj(m, n);
            double flops = 2.0 * m * k * n;
            double[] d = measure(f64, op, a, b, c, flops);
            double[] f = measure(f32, op, a, b, c, flops);
            System.out.printf(Locale.ROOT, "%-11s %-13s %8.2f (%7.2f) %8.2f (%7.2f) %7.2fx %10.1f%n",
                    op, m + "x" + k + "x" + n, d[0], d[1], f[0], f[1], f[0] / d[0], f[2]);
        }
    }

    /** Returns {best, median} GFLOPS and the bytes allocated per timed call (NaN where the JVM cannot tell). */
    private static double[] measure(Gemm g, Op op, DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c, double flops) {
        long deadline = System.nanoTime() + WARMUP_MILLIS * 1_000_000L;
        long calls = 0;
        while (System.nanoTime() < deadline) {
            for (int i = 0; i < 100; i++) {
                run(g, op, a, b, c);
            }
            calls += 100;
        }
        long perRep = Math.max(1, calls * REP_MILLIS / WARMUP_MILLIS);
        double[] gflops = new double[REPS];
        long allocatedBefore = allocatedBytes();
        for (int rep = 0; rep < REPS; rep++) {
            long t0 = System.nanoTime();
            for (long i = 0; i < perRep; i++) {
                run(g, op, a, b, c);
            }
            long dt = System.nanoTime() - t0;
            sink += c.data[0];
            gflops[rep] = flops * perRep / dt;
        }
        double perCall = (double) (allocatedBytes() - allocatedBefore) / (perRep * REPS);
        Arrays.sort(gflops);
        return new double[] {gflops[REPS - 1], gflops[REPS / 2], perCall < 0 ? Double.NaN : perCall};
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
