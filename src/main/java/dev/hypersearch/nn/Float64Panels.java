package dev.hypersearch.nn;

/**
 * Copies of {@link VectorGemm}'s right operand into the contiguous, zero-padded panels its kernels stream
 * ({@link Float32Panels} is the same for the float32 GEMM, rounding as it copies).
 */
final class Float64Panels {

    private Float64Panels() {
    }

    /** Copies rows p0..p0+kc, columns j0..j0+w of row-major {@code k x n} b into a {@code kc x pw} panel, zero-padded. */
    static void packRows(double[] b, int n, int p0, int kc, int j0, int w, int pw, double[] bp) {
        for (int p = 0; p < kc; p++) {
            int dst = p * pw;
            System.arraycopy(b, (p0 + p) * n + j0, bp, dst, w);
            for (int jj = w; jj < pw; jj++) {
                bp[dst + jj] = 0.0;
            }
        }
    }

    /**
     * Writes columns p0..p0+kc of rows j0..j0+w of row-major {@code n x k} b, transposed, as a {@code kc x pw}
     * panel, zero-padded. Blocks of 4 x 4 are read as four runs of 4 into locals and written as four runs of 4:
     * measured 1.4x the element-by-element copy; the Vector API's gather (AMD: microcoded) and its two-vector
     * rearrange (JDK 17: not intrinsified, it allocates) were slower.
     */
    static void packTransposed(double[] b, int k, int p0, int kc, int j0, int w, int pw, double[] bp) {
        int jj = 0;
        for (; jj + 4 <= w; jj += 4) {
            int s0 = (j0 + jj) * k + p0;
            int s1 = s0 + k;
            int s2 = s1 + k;
            int s3 = s2 + k;
            int p = 0;
            for (int d = jj; p + 4 <= kc; p += 4, d += 4 * pw) {
                double a0 = b[s0 + p], a1 = b[s0 + p + 1], a2 = b[s0 + p + 2], a3 = b[s0 + p + 3];
                double b0 = b[s1 + p], b1 = b[s1 + p + 1], b2 = b[s1 + p + 2], b3 = b[s1 + p + 3];
                double c0 = b[s2 + p], c1 = b[s2 + p + 1], c2 = b[s2 + p + 2], c3 = b[s2 + p + 3];
                double e0 = b[s3 + p], e1 = b[s3 + p + 1], e2 = b[s3 + p + 2], e3 = b[s3 + p + 3];
                bp[d] = a0;
                bp[d + 1] = b0;
                bp[d + 2] = c0;
                bp[d + 3] = e0;
                bp[d + pw] = a1;
                bp[d + pw + 1] = b1;
                bp[d + pw + 2] = c1;
                bp[d + pw + 3] = e1;
                bp[d + 2 * pw] = a2;
                bp[d + 2 * pw + 1] = b2;
                bp[d + 2 * pw + 2] = c2;
                bp[d + 2 * pw + 3] = e2;
                bp[d + 3 * pw] = a3;
                bp[d + 3 * pw + 1] = b3;
                bp[d + 3 * pw + 2] = c3;
                bp[d + 3 * pw + 3] = e3;
            }
            for (int d = p * pw + jj; p < kc; p++, d += pw) {
                bp[d] = b[s0 + p];
                bp[d + 1] = b[s1 + p];
                bp[d + 2] = b[s2 + p];
                bp[d + 3] = b[s3 + p];
            }
        }
        for (; jj < w; jj++) {
            int src = (j0 + jj) * k + p0;
            for (int p = 0, d = jj; p < kc; p++, d += pw) {
                bp[d] = b[src + p];
            }
        }
        if (w < pw) {
            for (int p = 0; p < kc; p++) {
                int dst = p * pw;
                for (int pad = w; pad < pw; pad++) {
                    bp[dst + pad] = 0.0;
                }
            }
        }
    }
}
