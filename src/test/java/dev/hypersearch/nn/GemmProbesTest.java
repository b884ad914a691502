package dev.hypersearch.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.Test;

/**
 * The warm-up's products reach every micro-kernel a vector GEMM can pick, under every blocking and lane count. The
 * kernels a product runs are not observable without counting in the kernels themselves, so this test follows the
 * drivers' documented split (VectorGemm, Float32VectorGemm): columns into panels of the blocking's vectors and a
 * tail of fewer; each panel's rows into blocks of {@link GemmBlocking#panelRows} rows, then 4-, 2- and 1-row
 * kernels below that. The probes themselves also run through both real GEMMs, whose drivers throw on a kernel they
 * do not have.
 */
class GemmProbesTest {

    private static final int[] TAIL_ROWS = {4, 2, 1};

    @Test
    void probesReachEveryKernelOfEveryBlockingAndLaneCount() {
        for (GemmBlocking b : GemmBlocking.ALL) {
            for (int lanes : new int[] {2, 4, 8, 16}) {
                check(b, lanes, VectorGemmKernels::exists);
                check(b, lanes, Float32GemmKernels::exists);
            }
        }
    }

    private static void check(GemmBlocking b, int lanes, BiPredicate<Integer, Integer> exists) {
        int[] panelRows = b.panelRows(exists);
        Set<String> selectable = new TreeSet<>();
        for (int nvec = 1; nvec <= b.vectors(); nvec++) {
            selectable.add(panelRows[nvec] + "x" + nvec);
            for (int r : TAIL_ROWS) {
                if (r < panelRows[nvec]) {
                    selectable.add(r + "x" + nvec);
                }
            }
        }
        Set<String> reached = new TreeSet<>();
        int panel = b.vectors() * lanes;
        for (GemmProbes.Shape s : GemmProbes.shapes(b, lanes)) {
            int full = s.n() - s.n() % panel;
            if (full > 0) {
                rows(s.m(), panelRows[b.vectors()], b.vectors(), reached);
            }
            if (full < s.n()) {
                int nvec = (s.n() - full + lanes - 1) / lanes;
                rows(s.m(), panelRows[nvec], nvec, reached);
            }
        }
        assertEquals(selectable, reached, "blocking " + b + ", " + lanes + " lanes");
        for (int op = 0; op < 3; op++) {
            int o = op;
            assertTrue(GemmProbes.shapes(b, lanes).stream().anyMatch(s -> s.op() == o && s.k() > 256),
                    "an inner dimension past the drivers' blocking of 256, op " + op);
        }
    }

    /** The kernels one panel's rows run: blocks of mr, then the row tail's 4-, 2- and 1-row kernels. */
    private static void rows(int m, int mr, int nvec, Set<String> reached) {
        int i = 0;
        for (; i + mr <= m; i += mr) {
            reached.add(mr + "x" + nvec);
        }
        for (int r : TAIL_ROWS) {
            for (; r < mr && i + r <= m; i += r) {
                reached.add(r + "x" + nvec);
            }
        }
    }

    @Test
    void readsTheBlockingAndLanesOfTheVectorGemmsOnly() {
        KernelLayout f64 = Gemms.vector(VectorGemm.chosenBlocking(), Precision.FLOAT64).kernelLayout();
        KernelLayout f32 = Gemms.vector(VectorGemm.chosenBlocking(), Precision.FLOAT32).kernelLayout();
        assertNotNull(f64);
        assertNotNull(f32);
        assertEquals(VectorGemm.chosenBlocking(), f64.blocking());
        assertEquals(VectorHardware.doubleLanes(), f64.lanes());
        assertEquals(VectorHardware.floatLanes(), f32.lanes());
        assertNull(Gemms.reference().kernelLayout());
    }

    @Test
    void everyProbeRunsOnBothVectorGemmsAndOnEjml() {
        for (Precision p : Precision.values()) {
            for (GemmBlocking b : GemmBlocking.ALL) {
                assertTrue(new GemmProbes(Gemms.vector(b, p)).run(() -> false), b + " " + p);
            }
        }
        assertTrue(new GemmProbes(Gemms.reference()).run(() -> false));
        assertTrue(!new GemmProbes(Gemms.reference()).run(() -> true), "a pass ends when told");
    }
}
