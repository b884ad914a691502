package dev.hypersearch.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
