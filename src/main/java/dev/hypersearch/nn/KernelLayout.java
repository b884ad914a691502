package dev.hypersearch.nn;

/**
 * How a vector GEMM splits its work into register kernels: its blocking and the values per vector. The warm-up
 * derives from it the shapes that reach every kernel ({@link GemmProbes}).
 */
public record KernelLayout(GemmBlocking blocking, int lanes) {
}
