package dev.hypersearch.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class KernelWarmupTest {

    @Test
    void noBudgetTrainsNothing() {
        KernelWarmup.Report r = new KernelWarmup(Gemms.reference()).run(0, () -> false);
        assertEquals(0, r.rounds());
        assertEquals(0, r.configurations());
        assertEquals(KernelWarmup.End.BUDGET, r.end());
    }

    @Test
    void aStopEndsItBeforeTheFirstRound() {
        KernelWarmup.Report r = new KernelWarmup(Gemms.byPrecision()).run(TimeUnit.SECONDS.toNanos(5), () -> true);
        assertEquals(0, r.rounds());
        assertEquals(KernelWarmup.End.STOPPED, r.end());
    }

    @Test
    void aStopMidwayEndsItAtTheNextCheck() {
        int[] checks = {0};
        KernelWarmup.Report r = new KernelWarmup(Gemms.byPrecision())
                .run(TimeUnit.SECONDS.toNanos(60), () -> ++checks[0] > 200);
        assertEquals(KernelWarmup.End.STOPPED, r.end());
        assertTrue(r.rounds() <= KernelWarmup.MAX_ROUNDS);
    }

    @Test
    void itEndsForAReasonItNames() {
        KernelWarmup.Report r = new KernelWarmup(Gemms.byPrecision()).run(TimeUnit.SECONDS.toNanos(1), () -> false);
        assertTrue(List.of(KernelWarmup.End.SETTLED, KernelWarmup.End.ROUNDS, KernelWarmup.End.BUDGET).contains(r.end()), r.toString());
        assertTrue(r.end() == KernelWarmup.End.BUDGET || r.rounds() >= KernelWarmup.MIN_ROUNDS, r.toString());
    }

    @Test
    void jitActivityParsesHotSpotsQueueAndCodeList() {
        assertTrue(JitActivity.idle("Current compiles: \n\nC1 compile queue:\nEmpty\n\nC2 compile queue:\nEmpty\n"));
        assertFalse(JitActivity.idle("Current compiles: \nC2 CompilerThread0  458  4  a.B::c (87 bytes)\n\n"
                + "C1 compile queue:\nEmpty\n"));
        assertFalse(JitActivity.idle("Current compiles: \n\nC2 compile queue:\n 461  4  a.B::c (10 bytes)\n"));
        String list = "4 0 0 java.lang.Object.hashCode()I [0x1, 0x2 - 0x3]\n"
                + "812 4 0 dev.hypersearch.nn.VectorGemmKernels.k4x3([DIIII[D[DII)V [0x1, 0x2 - 0x3]\n"
                + "900 3 0 dev.hypersearch.nn.Trainer.gather()V [0x1, 0x2 - 0x3]\n"
                + "950 4 0 org.ejml.Foo.bar()V [0x1, 0x2 - 0x3]\n";
        assertEquals(812, JitActivity.newestCompile(list, "dev.hypersearch.nn."));
        assertEquals(-1, JitActivity.newestCompile(list, "dev.hypersearch.web."));
        JitActivity live = new JitActivity();
        assertNotNull(live.idle(), "HotSpot lists its compile queue");
        assertNotNull(live.newestCompile("java."), "HotSpot lists its code");
    }
}
