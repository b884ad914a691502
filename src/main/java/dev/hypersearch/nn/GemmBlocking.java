package dev.hypersearch.nn;

import java.util.List;
import java.util.function.BiPredicate;

/**
 * A register blocking of the vector GEMM: its micro-kernel keeps {@code rows x vectors} accumulators plus
 * {@code vectors} vectors of the right operand and one broadcast of the left in vector registers. A blocking that
 * needs more registers than the machine has makes C2 spill (4x4 needs 21: tuned on AVX-512's 32 registers, on an
 * AVX2 EPYC's 16 it summed 20 GFLOPS over the reference net's products where 4x3 reached 23 and 6x2 19, and 8x3 11;
 * see GemmBenchmark). Plain Java, so {@link Gemms} and the benchmarks can name it without linking the incubating
 * Vector API.
 *
 * @param rows rows of the output per micro-kernel (left-operand scalars broadcast per step)
 * @param vectors vectors of output columns per micro-kernel
 */
public record GemmBlocking(int rows, int vectors) {

    /** Every blocking {@code VectorGemm} has kernels for, most preferred first among those that fit. */
    public static final List<GemmBlocking> ALL = List.of(
            new GemmBlocking(4, 4), new GemmBlocking(4, 3), new GemmBlocking(6, 2), new GemmBlocking(8, 3));

    public GemmBlocking {
        if (rows < 1 || vectors < 1) {
            throw new IllegalArgumentException("blocking must be positive: " + rows + "x" + vectors);
        }
    }

    /** Vector registers the kernel's loop keeps live: the accumulators, the right operand's vectors, a broadcast. */
    public int registers() {
        return rows * vectors + vectors + 1;
    }

    /**
     * Rows per kernel call for a panel of {@code nvec} vectors (index 1..{@link #vectors}), given which
     * {@code (rows, vectors)} kernels a GEMM has: the blocking's rows for a full panel; a column-tail panel of fewer
     * vectors gets more rows per kernel, within the full kernel's register budget, so that it still has enough
     * independent FMA chains (covering a 4-5 cycle FMA latency on two FMA pipes takes 8-10; a 4x1 kernel has 4, and
     * with 4x3 every 64-column product ends in a one-vector panel).
     *
     * @throws IllegalArgumentException if this is not one of {@link #ALL}
     */
    int[] panelRows(BiPredicate<Integer, Integer> kernelExists) {
        if (!ALL.contains(this)) {
            throw new IllegalArgumentException("no kernels for blocking " + this + "; have " + ALL);
        }
        int[] panelRows = new int[vectors + 1];
        panelRows[vectors] = rows;
        for (int nvec = 1; nvec < vectors; nvec++) {
            panelRows[nvec] = 1;
            for (int tall : new int[] {8, 6, 4, 2}) {
                if (kernelExists.test(tall, nvec) && new GemmBlocking(tall, nvec).registers() <= registers()) {
                    panelRows[nvec] = tall;
                    break;
                }
            }
        }
        return panelRows;
    }

    /**
     * The first of {@link #ALL} that fits in {@code registers} vector registers: 4x4 with 32 (AVX-512, where it
     * was tuned), 4x3 with 16 (AVX2, measured ahead of 6x2 there: fewer broadcasts per FMA); 1x1 if none fits.
     */
    public static GemmBlocking forRegisters(int registers) {
        for (GemmBlocking b : ALL) {
            if (b.registers() <= registers) {
                return b;
            }
        }
        return new GemmBlocking(1, 1);
    }

    /** Parses {@code "6x2"} (rows x vectors); must be one of {@link #ALL}. */
    public static GemmBlocking parse(String text) {
        String[] parts = text.trim().toLowerCase(java.util.Locale.ROOT).split("x");
        if (parts.length == 2) {
            try {
                GemmBlocking b = new GemmBlocking(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
                if (ALL.contains(b)) {
                    return b;
                }
            } catch (IllegalArgumentException e) {
                // reported below
            }
        }
        throw new IllegalArgumentException("unknown GEMM blocking '" + text + "', expected one of " + ALL);
    }

    @Override
    public String toString() {
        return rows + "x" + vectors;
    }
}
