package dev.hypersearch.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CacheStridesTest {

    @Test
    void rowsOfAnEvenNumberOfLinesGetOneMoreLine() {
        assertEquals(136, CacheStrides.conflictFree(128, Double.BYTES));
        assertEquals(264, CacheStrides.conflictFree(256, Double.BYTES));
        assertEquals(72, CacheStrides.conflictFree(64, Double.BYTES));
        assertEquals(144, CacheStrides.conflictFree(128, Float.BYTES));
    }

    @Test
    void otherLengthsAreKept() {
        assertEquals(24, CacheStrides.conflictFree(24, Double.BYTES), "three lines: already odd");
        assertEquals(10, CacheStrides.conflictFree(10, Double.BYTES), "not whole lines");
        assertEquals(1437, CacheStrides.conflictFree(1437, Double.BYTES));
        assertEquals(8, CacheStrides.conflictFree(8, Double.BYTES), "one line");
        assertEquals(4, CacheStrides.conflictFree(4, Float.BYTES));
    }
}
