package dev.hypersearch.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hypersearch.search.TrialStatus;
import dev.hypersearch.store.SearchChangedEvent;
import dev.hypersearch.store.SearchStatus;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A shared answer is computed once per version of its search; while the search runs, a changed search gets the
 * kept answer at once and a background refresh brings it up to date; once the search has ended, only the exact
 * answer is served.
 */
class SharedReadsTest {

    final AtomicLong version = new AtomicLong(3);
    final SharedReads reads = new SharedReads(id -> version.get());
    final AtomicInteger computed = new AtomicInteger();
    final SharedReads.Key key = new SharedReads.Key(1, "charts", 5);

    @AfterEach
    void close() {
        reads.close();
    }

    Integer read() {
        return reads.get(key, computed::incrementAndGet);
    }

    @Test
    void oneComputationPerVersionWhateverTheNumberOfReads() {
        for (int i = 0; i < 10; i++) {
            assertThat(read()).isEqualTo(1);
        }
        assertThat(computed).hasValue(1);
    }

    @Test
    void aRunningSearchGetsTheKeptAnswerAtOnceAndTheRefreshedOneLater() throws Exception {
        assertThat(read()).isEqualTo(1);
        version.set(4); // a trial ended
        assertThat(read()).as("kept, not computed on the request").isEqualTo(1);
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (read() != 2 && System.nanoTime() < deadline) {
            Thread.sleep(20); // polls for the background refresh
        }
        assertThat(read()).isEqualTo(2);
        assertThat(computed).hasValue(2);
    }

    @Test
    void anEndedSearchIsServedOnlyTheExactAnswer() {
        assertThat(read()).isEqualTo(1);
        version.set(-1 - 4); // the last trial ended: nothing queued or running
        reads.onSearchChanged(new SearchChangedEvent(1, SearchStatus.COMPLETED));
        assertThat(read()).isEqualTo(2);
        assertThat(read()).isEqualTo(2);
        assertThat(computed).hasValue(2);
    }

    @Test
    void theVersionIsTheEndedCountNegatedOnceTheSearchHasEndedAndNothingIsQueuedOrRunning() {
        Map<TrialStatus, Long> counts = new EnumMap<>(TrialStatus.class);
        for (TrialStatus s : TrialStatus.values()) {
            counts.put(s, 0L);
        }
        counts.put(TrialStatus.COMPLETED, 5L);
        counts.put(TrialStatus.DIVERGED, 2L);
        counts.put(TrialStatus.QUEUED, 1L);
        assertThat(SharedReads.version(counts, true)).isEqualTo(7);
        counts.put(TrialStatus.QUEUED, 0L);
        assertThat(SharedReads.version(counts, true)).isEqualTo(-8);
    }

    @Test
    void aSearchNotFinishedYetIsRunningThoughNoneOfItsTrialsIs() {
        Map<TrialStatus, Long> counts = new EnumMap<>(TrialStatus.class);
        for (TrialStatus s : TrialStatus.values()) {
            counts.put(s, 0L);
        }
        counts.put(TrialStatus.COMPLETED, 5L);
        // between a coarse-to-fine search's stages, or before the sweep that completes it
        assertThat(SharedReads.version(counts, false)).isEqualTo(5);
    }
}
