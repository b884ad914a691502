package dev.hypersearch.nn;

import java.lang.System.Logger.Level;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Picks the GEMMs the engine runs on, one per {@link Precision}. {@link #fastest()} (float64) is the Vector API path
 * ({@code VectorGemm}) and {@link #fastest(Precision) fastest(FLOAT32)} the mixed-precision one
 * ({@code Float32VectorGemm}) when the JVM was started with {@value #ENABLE_FLAG}, compiles with C2 (see
 * {@link JitCheck}) and that path passes a self-check against EJML (at float32 tolerance for float32); otherwise it
 * is EJML in float64, and one WARNING line says why. The vector classes are only ever named reflectively here, so
 * a JVM without the incubator module never links them.
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
    private static final String FLOAT32_GEMM = "dev.hypersearch.nn.Float32VectorGemm";
    /** Self-check tolerance relative to the sum of the products' magnitudes: float64 and float32 rounding. */
    private static final double FLOAT64_TOLERANCE = 1e-12;
    static final double FLOAT32_TOLERANCE = 1e-5;
    private static final Gemm REFERENCE = new EjmlGemm();

    private Gemms() {
    }

    /** The fastest working float64 GEMM on this JVM, chosen once; thread-safe. */
    public static Gemm fastest() {
        return Holder.FLOAT64;
    }

    /** The fastest working GEMM for {@code precision} on this JVM, chosen once; thread-safe. */
    public static Gemm fastest(Precision precision) {
        return precision == Precision.FLOAT32 ? Holder.FLOAT32 : Holder.FLOAT64;
    }

    /** The engine's GEMM for each precision: {@link #fastest(Precision)}. */
    public static GemmSource byPrecision() {
        return Gemms::fastest;
    }

    /** EJML's kernels: the reference every faster path is tested against; thread-safe. */
    public static Gemm reference() {
        return REFERENCE;
    }

    private static final class Holder {
        /** Why the Vector API cannot run well on this JVM (logged once), or null. */
        static final String BLOCKED = blocked();
        static final Gemm FLOAT64 = select(VECTOR_GEMM, FLOAT64_TOLERANCE);
        static final Gemm FLOAT32 = select(FLOAT32_GEMM, FLOAT32_TOLERANCE);
    }

    private static String blocked() {
        if ("ejml".equalsIgnoreCase(System.getProperty(PROPERTY, ""))) {
            return "";
        }
        String why = null;
        String noC2;
        if (ModuleLayer.boot().findModule(MODULE).isEmpty()) {
            why = "module " + MODULE + " is not in the boot layer; start the JVM with " + ENABLE_FLAG;
        } else if ((noC2 = JitCheck.withoutC2()) != null) {
            why = noC2 + "; drop that flag (spring-boot:run: optimizedLaunch false)";
        }
        if (why != null) {
            log("Fast GEMM paths (Vector API, float64 and float32) are off, using EJML in float64: " + why);
        }
        return why;
    }

    private static Gemm select(String className, double tolerance) {
        if (Holder.BLOCKED != null) {
            return REFERENCE;
        }
        Gemm fast;
        try {
            fast = (Gemm) Class.forName(className).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return off(className, className + " failed to load (" + e + ")");
        }
        String problem;
        try {
            problem = selfCheck(fast, tolerance);
        } catch (RuntimeException | LinkageError e) {
            problem = "self-check threw " + e;
        }
        if (problem != null) {
            return off(className, problem);
        }
        System.getLogger(Gemms.class.getName()).log(Level.INFO, "Fast GEMM path: " + fast);
        return fast;
    }

    /**
     * The Vector API GEMM with a forced register blocking, for benchmarks comparing blockings side by side;
     * throws when this JVM cannot run it (no incubator module). Does not self-check: see {@link #fastest()}.
     */
    public static Gemm vector(GemmBlocking blocking) {
        return vector(blocking, Precision.FLOAT64);
    }

    /** {@link #vector(GemmBlocking)} for either precision: {@code Float32VectorGemm} for float32. */
    public static Gemm vector(GemmBlocking blocking, Precision precision) {
        if (ModuleLayer.boot().findModule(MODULE).isEmpty()) {
            throw new IllegalStateException("module " + MODULE + " is not in the boot layer; start the JVM with "
                    + ENABLE_FLAG);
        }
        String className = precision == Precision.FLOAT32 ? FLOAT32_GEMM : VECTOR_GEMM;
        try {
            return (Gemm) Class.forName(className).getDeclaredConstructor(GemmBlocking.class).newInstance(blocking);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(className + " failed to load", e);
        }
    }

    private static Gemm off(String className, String why) {
        log("Fast GEMM path " + className + " (Vector API) is off, using EJML in float64: " + why);
        return REFERENCE;
    }

    private static void log(String line) {
        System.getLogger(Gemms.class.getName()).log(Level.WARNING, line);
    }

    /** {@link #selfCheck(Gemm, double)} at float64 tolerance. */
    static String selfCheck(Gemm g) {
        return selfCheck(g, FLOAT64_TOLERANCE);
    }

    /**
     * Compares all three ops with EJML on small odd shapes, each result within {@code tolerance} times the sum of
     * its products' magnitudes; returns a description of the first mismatch, or null.
     */
    static String selfCheck(Gemm g, double tolerance) {
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
            DMatrixRMaj mag = new DMatrixRMaj(m, n);
            CommonOps_DDRM.mult(a, b, want);
            CommonOps_DDRM.mult(abs(a), abs(b), mag);
            g.mult(a, b, got);
            if (!close(want, got, mag, tolerance)) {
                return "self-check mult " + m + "x" + k + "x" + n + " mismatch";
            }
            CommonOps_DDRM.multTransA(at, b, want);
            CommonOps_DDRM.multTransA(abs(at), abs(b), mag);
            g.multTransA(at, b, got);
            if (!close(want, got, mag, tolerance)) {
                return "self-check multTransA " + m + "x" + k + "x" + n + " mismatch";
            }
            CommonOps_DDRM.multTransB(a, bt, want);
            CommonOps_DDRM.multTransB(abs(a), abs(bt), mag);
            g.multTransB(a, bt, got);
            if (!close(want, got, mag, tolerance)) {
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

    private static DMatrixRMaj abs(DMatrixRMaj x) {
        DMatrixRMaj y = x.copy();
        CommonOps_DDRM.abs(y);
        return y;
    }

    /** |want - got| within tolerance x (sum of |products|), plus a hair for exact zeros. */
    private static boolean close(DMatrixRMaj want, DMatrixRMaj got, DMatrixRMaj mag, double tolerance) {
        for (int i = 0; i < want.getNumElements(); i++) {
            double d = Math.abs(want.data[i] - got.data[i]);
            if (!(d <= tolerance * mag.data[i] + 1e-300)) {
                return false;
            }
        }
        return true;
    }
}
