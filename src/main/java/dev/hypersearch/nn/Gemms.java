package dev.hypersearch.nn;

import java.lang.System.Logger.Level;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Picks the GEMM the engine runs on. {@link #fastest()} is the Vector API path ({@code VectorGemm}) when
 * the JVM was started with {@value #ENABLE_FLAG}, compiles with C2 (see {@link JitCheck}) and that path passes
 * a self-check against EJML; otherwise it is EJML, and one WARNING line says why. {@code VectorGemm} is only ever named reflectively here, so a
 * JVM without the incubator module never links it.
 *
 * <p>Setting the system property {@value #PROPERTY} to {@code ejml} forces the reference path. The vector path
 * logs its register blocking once (chosen from the hardware, or forced with {@code -Dhypersearch.gemm.blocking}).
 */
public final class Gemms {

    /** The JVM flag that turns the fast path on. */
    public static final String ENABLE_FLAG = "--add-modules jdk.incubator.vector";
    /** System property: {@code ejml} forces the reference path. */
    public static final String PROPERTY = "hypersearch.gemm";

    private static final String MODULE = "jdk.incubator.vector";
    private static final String VECTOR_GEMM = "dev.hypersearch.nn.VectorGemm";
    private static final Gemm REFERENCE = new EjmlGemm();

    private Gemms() {
    }

    /** The fastest working GEMM on this JVM, chosen once; thread-safe. */
    public static Gemm fastest() {
        return Holder.FASTEST;
    }

    /** EJML's kernels: the reference every faster path is tested against; thread-safe. */
    public static Gemm reference() {
        return REFERENCE;
    }

    private static final class Holder {
        static final Gemm FASTEST = select();
    }

    private static Gemm select() {
        if ("ejml".equalsIgnoreCase(System.getProperty(PROPERTY, ""))) {
            return REFERENCE;
        }
        if (ModuleLayer.boot().findModule(MODULE).isEmpty()) {
            return off("module " + MODULE + " is not in the boot layer; start the JVM with " + ENABLE_FLAG);
        }
        String noC2 = JitCheck.withoutC2();
        if (noC2 != null) {
            return off(noC2 + "; drop that flag (spring-boot:run: optimizedLaunch false)");
        }
        Gemm fast;
        try {
            fast = (Gemm) Class.forName(VECTOR_GEMM).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return off(VECTOR_GEMM + " failed to load (" + e + ")");
        }
        String problem;
        try {
            problem = selfCheck(fast);
        } catch (RuntimeException | LinkageError e) {
            problem = "self-check threw " + e;
        }
        if (problem != null) {
            return off(problem);
        }
        System.getLogger(Gemms.class.getName()).log(Level.INFO, "Fast GEMM path: " + fast);
        return fast;
    }

    /**
     * The Vector API GEMM with a forced register blocking, for benchmarks comparing blockings side by side;
     * throws when this JVM cannot run it (no incubator module). Does not self-check: see {@link #fastest()}.
     */
    public static Gemm vector(GemmBlocking blocking) {
        if (ModuleLayer.boot().findModule(MODULE).isEmpty()) {
            throw new IllegalStateException("module " + MODULE + " is not in the boot layer; start the JVM with "
                    + ENABLE_FLAG);
        }
        try {
            return (Gemm) Class.forName(VECTOR_GEMM).getDeclaredConstructor(GemmBlocking.class).newInstance(blocking);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(VECTOR_GEMM + " failed to load", e);
        }
    }

    private static Gemm off(String why) {
        System.getLogger(Gemms.class.getName()).log(Level.WARNING,
                "Fast GEMM path (Vector API) is off, using EJML: " + why);
        return REFERENCE;
    }

    /** Compares all three ops with EJML on small odd shapes; returns a description of the first mismatch, or null. */
    static String selfCheck(Gemm g) {
        int[][] shapes = {{1, 1, 1}, {5, 7, 11}, {9, 3, 37}, {6, 17, 4}};
        for (int[] s : shapes) {
            int m = s[0];
            int k = s[1];
            int n = s[2];
            DMatrixRMaj a = filled(m, k, 1);
            DMatrixRMaj b = filled(k, n, 2);
            DMatrixRMaj at = filled(k, m, 3);
            DMatrixRMaj bt = filled(n, k, 4);
            DMatrixRMaj want = new DMatrixRMaj(m, n);
            DMatrixRMaj got = new DMatrixRMaj(m, n);
            CommonOps_DDRM.mult(a, b, want);
            g.mult(a, b, got);
            if (!close(want, got)) {
                return "self-check mult " + m + "x" + k + "x" + n + " mismatch";
            }
            CommonOps_DDRM.multTransA(at, b, want);
            g.multTransA(at, b, got);
            if (!close(want, got)) {
                return "self-check multTransA " + m + "x" + k + "x" + n + " mismatch";
            }
            CommonOps_DDRM.multTransB(a, bt, want);
            g.multTransB(a, bt, got);
            if (!close(want, got)) {
                return "self-check multTransB " + m + "x" + k + "x" + n + " mismatch";
            }
        }
        return null;
    }

    private static DMatrixRMaj filled(int rows, int cols, int seed) {
        DMatrixRMaj x = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < x.data.length; i++) {
            x.data[i] = ((i * 7919L + seed * 104729L) % 201 - 100) / 37.0;
        }
        return x;
    }

    private static boolean close(DMatrixRMaj want, DMatrixRMaj got) {
        for (int i = 0; i < want.getNumElements(); i++) {
            double w = want.data[i];
            double d = Math.abs(w - got.data[i]);
            if (!(d <= 1e-9 * (1 + Math.abs(w)))) {
                return false;
            }
        }
        return true;
    }
}
