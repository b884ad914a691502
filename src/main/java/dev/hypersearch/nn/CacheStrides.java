package dev.hypersearch.nn;

/**
 * Leading dimensions that do not alias in the L1 cache. A GEMM kernel reading {@code a^T} in place broadcasts, step
 * after step of the inner dimension, from one row of {@code a} after another: with rows of 128 doubles (1 KiB) the
 * 64 steps of a product fall into 4 of the L1's 64 sets (8 ways each: room for 32 lines) and evict each other;
 * {@code multTransA 128x64x64} ran at 46% of the FMA peak where its square neighbour ran at 75%. A copy whose rows
 * are an odd number of cache lines apart spreads over every set. Plain Java.
 */
final class CacheStrides {

    /** Bytes per cache line (64 on every x86-64 and most AArch64 cores). */
    static final int LINE_BYTES = 64;

    private CacheStrides() {
    }

    /**
     * The least stride, in elements of {@code elementBytes}, that holds {@code length} elements and is an odd number
     * of cache lines; {@code length} itself when it is not a whole number of lines (those strides already walk
     * through the sets) or is at most one line.
     */
    static int conflictFree(int length, int elementBytes) {
        int perLine = LINE_BYTES / elementBytes;
        if (length <= perLine || length % perLine != 0) {
            return length;
        }
        int lines = length / perLine;
        return (lines % 2 == 0 ? lines + 1 : lines) * perLine;
    }
}
