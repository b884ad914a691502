package dev.hypersearch.nn;

/**
 * Where a training run gets its GEMM: one for each {@link Precision}. The engine's is {@link Gemms#byPrecision()};
 * a single {@link Gemm} is also a source, serving every precision itself (tests, and the reference path, where
 * float32 falling back to float64 is the documented rule).
 */
@FunctionalInterface
public interface GemmSource {

    /** The GEMM a run at {@code precision} multiplies with. */
    Gemm gemm(Precision precision);
}
