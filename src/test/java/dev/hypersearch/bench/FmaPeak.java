package dev.hypersearch.bench;

import java.util.concurrent.CountDownLatch;
import java.util.function.LongToDoubleFunction;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The single-core FMA peak of this machine as the Vector API reaches it: {@value #CHAINS} independent FMA chains
 * on the preferred species (enough to cover the FMA latency times the FMA units: 4-5 cycles x 2 pipes on current
 * x86 cores), nothing else in the loop but the counter. Best of several short repetitions, so a busy machine
 * lowers it less than a mean would; timed in thread CPU time ({@link ThreadCpuClock}). Benchmarks report their
 * kernels as a share of it.
 */
public final class FmaPeak {

    private static final int CHAINS = 12;
    private static final int REPS = 25;
    private static final long ITERATIONS = 1L << 21;
    private static final long WARMUP_NANOS = 200_000_000L;
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;

    private static double sink;

    private FmaPeak() {
    }

    /** Best GFLOPS of {@code REPS} repetitions of the f64 loop, after a warm-up. */
    public static double f64Gflops() {
        return best(FmaPeak::f64Loop, D.length());
    }

    /**
     * {@link #f64Gflops()} on {@code threads} threads at once, each thread's figure: whether the cores share their FMA
     * units (SMT siblings, on the host of a virtual machine too) or clock down when all are busy. Two workers can run
     * a search at most (sum of these) / (single-thread peak) times as fast as one.
     */
    public static double[] f64GflopsConcurrently(int threads) throws InterruptedException {
        return concurrently(threads, FmaPeak::f64Gflops);
    }

    /** {@link #f32Gflops()} on {@code threads} threads at once, each thread's figure. */
    public static double[] f32GflopsConcurrently(int threads) throws InterruptedException {
        return concurrently(threads, FmaPeak::f32Gflops);
    }

    private static double[] concurrently(int threads, java.util.function.DoubleSupplier peak)
            throws InterruptedException {
        double[] out = new double[threads];
        CountDownLatch start = new CountDownLatch(1);
        Thread[] pool = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int slot = t;
            pool[t] = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                out[slot] = peak.getAsDouble();
            });
            pool[t].start();
        }
        start.countDown();
        for (Thread t : pool) {
            t.join();
        }
        return out;
    }

    /** The same for f32 (for information: twice the lanes per vector). */
    public static double f32Gflops() {
        return best(FmaPeak::f32Loop, F.length());
    }

    /** Best GFLOPS of {@code REPS} timed calls of {@code loop} ({@code lanes} FMAs per chain step), after a warm-up. */
    private static double best(LongToDoubleFunction loop, int lanes) {
        // At least 200 ms of this thread's CPU: on a loaded machine C2's threads get little time, and a peak timed
        // before the loop is compiled (one run measured f32 at 57 GFLOPS, others at 76-80) skews every share.
        long warm = ThreadCpuClock.nanos();
        for (int i = 0; i < 5 || ThreadCpuClock.nanos() - warm < WARMUP_NANOS; i++) {
            sink += loop.applyAsDouble(ITERATIONS / 8);
        }
        double best = 0;
        for (int rep = 0; rep < REPS; rep++) {
            long t0 = ThreadCpuClock.nanos();
            sink += loop.applyAsDouble(ITERATIONS);
            long dt = ThreadCpuClock.nanos() - t0;
            best = Math.max(best, 2.0 * CHAINS * lanes * ITERATIONS / dt);
        }
        return best;
    }

    /** Keeps the JIT from discarding the loops' results. */
    static double sink() {
        return sink;
    }

    // The two loops stay separate: JDK 17's C2 keeps vectors in registers only within one method.
    // acc = x * y + acc, the GEMM kernels' form (the chain runs through the addend): with the chain through a
    // multiplicand (acc * x + y) a Zen 3 core measured 16 GFLOPS f64 where its GEMM ran at 21 and this form at 23.6.
    // x * y = 1e-3 and 2^21 steps keep every chain finite and far from subnormals.
    private static double f64Loop(long iterations) {
        DoubleVector x = DoubleVector.broadcast(D, 0.999);
        DoubleVector y = DoubleVector.broadcast(D, 1e-3);
        DoubleVector a0 = DoubleVector.broadcast(D, 0.5), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0;
        DoubleVector a6 = a0, a7 = a0, a8 = a0, a9 = a0, a10 = a0, a11 = a0;
        for (long i = 0; i < iterations; i++) {
            a0 = x.fma(y, a0);
            a1 = x.fma(y, a1);
            a2 = x.fma(y, a2);
            a3 = x.fma(y, a3);
            a4 = x.fma(y, a4);
            a5 = x.fma(y, a5);
            a6 = x.fma(y, a6);
            a7 = x.fma(y, a7);
            a8 = x.fma(y, a8);
            a9 = x.fma(y, a9);
            a10 = x.fma(y, a10);
            a11 = x.fma(y, a11);
        }
        return a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7).add(a8).add(a9).add(a10).add(a11)
                .reduceLanes(jdk.incubator.vector.VectorOperators.ADD);
    }

    private static double f32Loop(long iterations) {
        FloatVector x = FloatVector.broadcast(F, 0.999f);
        FloatVector y = FloatVector.broadcast(F, 1e-3f);
        FloatVector a0 = FloatVector.broadcast(F, 0.5f), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0;
        FloatVector a6 = a0, a7 = a0, a8 = a0, a9 = a0, a10 = a0, a11 = a0;
        for (long i = 0; i < iterations; i++) {
            a0 = x.fma(y, a0);
            a1 = x.fma(y, a1);
            a2 = x.fma(y, a2);
            a3 = x.fma(y, a3);
            a4 = x.fma(y, a4);
            a5 = x.fma(y, a5);
            a6 = x.fma(y, a6);
            a7 = x.fma(y, a7);
            a8 = x.fma(y, a8);
            a9 = x.fma(y, a9);
            a10 = x.fma(y, a10);
            a11 = x.fma(y, a11);
        }
        return a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7).add(a8).add(a9).add(a10).add(a11)
                .reduceLanes(jdk.incubator.vector.VectorOperators.ADD);
    }
}
