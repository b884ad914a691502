package dev.hypersearch.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** Surefire starts the test JVM with the engine flags, so the fast path must be the one chosen. */
class GemmsTest {

    @Test
    void fastestIsTheVectorPathUnderTheEngineFlags() {
        assertTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(),
                "test JVM lacks " + Gemms.ENABLE_FLAG);
        Gemm g = Gemms.fastest();
        assertEquals("vector", g.name());
        assertEquals(VectorGemm.class, g.getClass());
        assertSame(g, Gemms.fastest());
        assertSame(g, Gemms.fastest(Precision.FLOAT64));
        assertSame(g, Gemms.byPrecision().gemm(Precision.FLOAT64));
    }

    @Test
    void float32IsTheMixedPrecisionVectorPathUnderTheEngineFlags() {
        Gemm g = Gemms.fastest(Precision.FLOAT32);
        assertEquals("vector-f32", g.name());
        assertEquals(Float32VectorGemm.class, g.getClass());
        assertSame(g, Gemms.byPrecision().gemm(Precision.FLOAT32));
    }

    @Test
    void aSingleGemmServesEveryPrecision() {
        for (Precision p : Precision.values()) {
            assertSame(Gemms.reference(), Gemms.reference().gemm(p));
        }
    }

    @Test
    void referenceIsEjml() {
        assertEquals("ejml", Gemms.reference().name());
        assertEquals(EjmlGemm.class, Gemms.reference().getClass());
    }

    @Test
    void selfCheckPassesForBothPaths() {
        assertNull(Gemms.selfCheck(new VectorGemm()));
        assertNull(Gemms.selfCheck(new EjmlGemm()));
    }

    @Test
    void selfCheckCatchesAWrongKernel() {
        Gemm broken = new Gemm() {
            private final EjmlGemm ejml = new EjmlGemm();

            @Override
            public void mult(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
                ejml.mult(a, b, c);
            }

            @Override
            public void multTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
                ejml.multTransA(a, b, c);
                c.data[c.getNumElements() - 1] += 1e-6;
            }

            @Override
            public void multTransB(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
                ejml.multTransB(a, b, c);
            }

            @Override
            public String name() {
                return "broken";
            }
        };
        assertNotNull(Gemms.selfCheck(broken));
    }

    /** A JVM without the flag falls back to EJML with one warning naming the flag, and never links VectorGemm. */
    @Test
    void withoutTheFlagFallsBackToEjml() throws Exception {
        String out = runChild("-verbose:class");
        assertTrue(out.contains("fastest=ejml"), out);
        assertEquals(1, out.split("start the JVM with " + Gemms.ENABLE_FLAG, -1).length - 1, out);
        assertTrue(out.contains("dev.hypersearch.nn.Gemms "), "class loading not logged:\n" + out);
        assertTrue(!out.contains("dev.hypersearch.nn.VectorGemm"), "VectorGemm was loaded:\n" + out);
        assertTrue(!out.contains("dev.hypersearch.nn.Float32VectorGemm"), "Float32VectorGemm was loaded:\n" + out);
        assertTrue(out.contains("float32=ejml"), out);
    }

    /** A JVM that never compiles with C2 (Spring Boot's optimized launch) runs EJML rather than boxed vectors. */
    @Test
    void withoutC2FallsBackToEjml() throws Exception {
        String out = runChild("--add-modules", "jdk.incubator.vector", "-XX:TieredStopAtLevel=1");
        assertTrue(out.contains("fastest=ejml"), out);
        assertTrue(out.contains("float32=ejml"), out);
        assertEquals(1, out.split("TieredStopAtLevel=1", -1).length - 1, out);
    }

    /** The interpreter alone (-Xint) is no better than C1: EJML, with the reason. */
    @Test
    void inInterpretedModeFallsBackToEjml() throws Exception {
        String out = runChild("--add-modules", "jdk.incubator.vector", "-Xint");
        assertTrue(out.contains("fastest=ejml"), out);
        assertTrue(out.contains("interpreted mode"), out);
    }

    /** With the flag and C2, the child JVM picks the Vector API path: the check above is not a blanket refusal. */
    @Test
    void withTheFlagAndC2UsesTheFastPath() throws Exception {
        String out = runChild("--add-modules", "jdk.incubator.vector");
        assertTrue(out.contains("fastest=vector"), out);
        assertTrue(out.contains("float32=vector-f32"), out);
        assertTrue(!out.contains("is off"), out);
        assertTrue(!out.contains("are off"), out);
        assertEquals(1, out.split("Fast GEMM path: vector " + VectorGemm.chosenBlocking() + " ", -1).length - 1, out);
    }

    /** The blocking can be forced by a system property; a value without kernels is ignored with a warning. */
    @Test
    void aForcedBlockingIsUsedAndLogged() throws Exception {
        String out = runChild("--add-modules", "jdk.incubator.vector", "-D" + VectorGemm.BLOCKING_PROPERTY + "=4x3");
        assertTrue(out.contains("Fast GEMM path: vector 4x3 ("), out);
        out = runChild("--add-modules", "jdk.incubator.vector", "-D" + VectorGemm.BLOCKING_PROPERTY + "=5x5");
        assertTrue(out.contains("fastest=vector"), out);
        assertTrue(out.contains("unknown GEMM blocking '5x5'"), out);
        assertTrue(out.contains("Fast GEMM path: vector " + GemmBlocking.forRegisters(VectorHardware.registers()) + " ("),
                out);
    }

    private static String runChild(String... jvmArgs) throws Exception {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>();
        cmd.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
        cmd.addAll(List.of(jvmArgs));
        cmd.addAll(List.of("-cp", cp, NoFlagMain.class.getName()));
        Process proc = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(proc.waitFor(60, TimeUnit.SECONDS), "child JVM timed out");
        assertEquals(0, proc.exitValue(), out);
        return out;
    }

    /** Entry point of the child JVMs above: prints the GEMM the engine picked. */
    public static final class NoFlagMain {
        public static void main(String[] args) {
            System.out.println("fastest=" + Gemms.fastest().name());
            System.out.println("again=" + Gemms.fastest().name());
            System.out.println("float32=" + Gemms.fastest(Precision.FLOAT32).name());
        }
    }
}
