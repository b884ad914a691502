package dev.hypersearch.nn;

import org.ejml.data.DMatrixRMaj;

/**
 * General matrix multiply on EJML's row-major matrices: the three shapes a dense layer needs.
 * Outputs are explicit arguments (EJML style) so hot loops allocate nothing; {@code c} must already
 * have the result's shape and must not alias an input.
 */
public interface Gemm extends GemmSource {

    /** c = a * b (forward: Z = A_prev W). */
    void mult(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c);

    /** c = a^T * b (backward: dW = A_prev^T dZ). */
    void multTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c);

    /** c = a * b^T (backward: dA_prev = dZ W^T). */
    void multTransB(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c);

    /** The activation functions of the same instruction set: {@code Math} unless this GEMM has faster ones. */
    default Transcendentals transcendentals() {
        return ScalarTranscendentals.INSTANCE;
    }

    /** Short name for logs and benchmark output. */
    String name();

    /** Its register kernels' layout; null for a GEMM without register kernels (EJML). */
    default KernelLayout kernelLayout() {
        return null;
    }

    /** A single GEMM serves every precision itself. */
    @Override
    default Gemm gemm(Precision precision) {
        return this;
    }
}
