package dev.hypersearch.data;

import static dev.hypersearch.data.SplitAssertions.assertPartition;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShuffleSplitTest {

    @Test
    void sizesAndCoverage() {
        Split split = ShuffleSplit.split(200, 0.2, 42);
        assertThat(split.validation()).hasSize(40);
        assertThat(split.train()).hasSize(160);
        assertPartition(split, 200);
    }

    @Test
    void deterministicBySeedAndShuffled() {
        Split a = ShuffleSplit.split(100, 0.3, 1);
        assertThat(ShuffleSplit.split(100, 0.3, 1).validation()).isEqualTo(a.validation());
        assertThat(ShuffleSplit.split(100, 0.3, 2).validation()).isNotEqualTo(a.validation());
        // Not simply the first or last rows.
        assertThat(a.validation()[a.validation().length - 1] - a.validation()[0]).isGreaterThan(30);
    }
}
