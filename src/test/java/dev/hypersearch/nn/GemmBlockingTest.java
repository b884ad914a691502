package dev.hypersearch.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GemmBlockingTest {

    @Test
    void registersCountAccumulatorsRightOperandAndBroadcast() {
        assertEquals(21, new GemmBlocking(4, 4).registers());
        assertEquals(15, new GemmBlocking(6, 2).registers());
        assertEquals(16, new GemmBlocking(4, 3).registers());
    }

    @Test
    void theChoiceFitsTheRegisterFile() {
        assertEquals(new GemmBlocking(4, 4), GemmBlocking.forRegisters(32));
        assertEquals(new GemmBlocking(4, 3), GemmBlocking.forRegisters(16));
        for (int regs : new int[] {8, 16, 32}) {
            GemmBlocking b = GemmBlocking.forRegisters(regs);
            assertTrue(b.registers() <= regs || b.equals(new GemmBlocking(1, 1)), regs + " -> " + b);
        }
    }

    @Test
    void parsesKnownBlockingsOnly() {
        assertEquals(new GemmBlocking(6, 2), GemmBlocking.parse(" 6X2 "));
        for (GemmBlocking b : GemmBlocking.ALL) {
            assertEquals(b, GemmBlocking.parse(b.toString()));
        }
        assertThrows(IllegalArgumentException.class, () -> GemmBlocking.parse("5x5"));
        assertThrows(IllegalArgumentException.class, () -> GemmBlocking.parse("6"));
        assertThrows(IllegalArgumentException.class, () -> GemmBlocking.parse("axb"));
        assertThrows(IllegalArgumentException.class, () -> GemmBlocking.parse("0x2"));
    }

    @Test
    void registerFileInferredFromArchitectureAndWidth() {
        assertEquals(16, VectorHardware.registers("amd64", 256));
        assertEquals(16, VectorHardware.registers("amd64", 128));
        assertEquals(32, VectorHardware.registers("amd64", 512));
        assertEquals(32, VectorHardware.registers("aarch64", 128));
        assertTrue(VectorHardware.doubleLanes() * 64 == VectorHardware.vectorBits());
    }
}
