package dev.hypersearch.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hypersearch.store.SearchChangedEvent;
import dev.hypersearch.store.SearchStatus;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Live answers (summary, leaderboard pages, the searches list) shared by every viewer: while the search runs, one
 * computation per interval whatever the number of reads, never served older than {@link SharedReads#LIVE_MAX_AGE_NANOS};
 * exact once the search has ended; dropped when the search changes status. The clock and the background refreshes
 * are the test's (no threads, no sleeps).
 */
class SharedLiveReadsTest {

    final AtomicLong version = new AtomicLong(3);
    final AtomicLong now = new AtomicLong(1_000_000_000_000L);
    /** Refreshes the reads asked for, run when the test says. */
    final Deque<Runnable> refreshes = new ArrayDeque<>();
    /** How often the search's version (a query: counters and status) was read. */
    final AtomicInteger versionReads = new AtomicInteger();
    final SharedReads reads = new SharedReads(id -> {
        versionReads.incrementAndGet();
        return id == 404 ? SharedReads.NO_SUCH_SEARCH : version.get();
    }, now::get, (task, delay) -> refreshes.add(task));
    final AtomicInteger computed = new AtomicInteger();
    final SharedReads.Key page0 = new SharedReads.Key(1, "board", List.of("valLoss", "asc", 0, 25));

    Integer read(SharedReads.Key key) {
        return reads.live(key, computed::incrementAndGet);
    }

    void runRefreshes() {
        for (int n = refreshes.size(); n > 0; n--) {
            refreshes.poll().run();
        }
    }

    void advance(long nanos) {
        now.addAndGet(nanos);
    }

    @Test
    void manyReadsWithinTheIntervalShareOneComputation() {
        for (int i = 0; i < 50; i++) {
            assertThat(read(page0)).isEqualTo(1);
            version.incrementAndGet(); // trials end meanwhile
        }
        assertThat(computed).hasValue(1);
        assertThat(refreshes).as("nothing to refresh before the interval").isEmpty();
    }

    @Test
    void aRunningSearchsAnswerIsRefreshedInTheBackgroundAndNeverServedOlderThanTheMaximumAge() {
        assertThat(read(page0)).isEqualTo(1);
        advance(SharedReads.LIVE_REFRESH_NANOS);
        assertThat(read(page0)).as("kept, served at once, refresh asked").isEqualTo(1);
        assertThat(refreshes).hasSize(1);
        runRefreshes();
        assertThat(computed).hasValue(2);
        assertThat(read(page0)).isEqualTo(2);

        advance(SharedReads.LIVE_MAX_AGE_NANOS); // the background fell behind: the refresh asked for has not run
        assertThat(read(page0)).as("too old to serve: computed on the request").isEqualTo(3);
    }

    @Test
    void theRefreshGoesOnWhileReadAndStopsWhenNobodyReads() {
        read(page0);
        advance(SharedReads.LIVE_REFRESH_NANOS);
        read(page0);
        runRefreshes();
        assertThat(refreshes).as("read within the keep-warm time: again after the interval").hasSize(1);
        advance(SharedReads.LIVE_KEEP_WARM_NANOS);
        runRefreshes();
        assertThat(refreshes).as("nobody read it since").isEmpty();
        assertThat(computed).hasValue(3);
    }

    @Test
    void withinTheIntervalAKeptAnswerIsServedWithoutReadingTheSearchsVersion() {
        assertThat(read(page0)).isEqualTo(1);
        assertThat(versionReads).as("its first computation").hasValue(1);
        for (int i = 0; i < 50; i++) {
            advance(SharedReads.LIVE_REFRESH_NANOS / 100);
            assertThat(read(page0)).isEqualTo(1);
        }
        assertThat(versionReads).as("50 reads within the interval: no query").hasValue(1);
        advance(SharedReads.LIVE_REFRESH_NANOS / 2);
        assertThat(read(page0)).as("past the interval: checked, served, refresh asked").isEqualTo(1);
        assertThat(versionReads).hasValue(2);
        runRefreshes();
        assertThat(versionReads).as("the refresh reads it").hasValue(3);
        assertThat(read(page0)).isEqualTo(2);
        assertThat(versionReads).as("the refreshed answer is served without a query").hasValue(3);
    }

    @Test
    void anEndedSearchGetsTheExactAnswerAtOnceAndKeepsIt() {
        assertThat(read(page0)).isEqualTo(1);
        version.set(-1 - 4); // the last trial ended and the search is finished
        reads.onSearchChanged(new SearchChangedEvent(1, SearchStatus.COMPLETED)); // announced by the last trial
        assertThat(read(page0)).as("within the interval, but the search ended").isEqualTo(2);
        advance(100 * SharedReads.LIVE_MAX_AGE_NANOS);
        assertThat(read(page0)).as("exact: kept however old").isEqualTo(2);
        assertThat(refreshes).isEmpty();
    }

    @Test
    void anEndNobodyAnnouncedIsServedExactlyOnceTheIntervalHasPassed() {
        assertThat(read(page0)).isEqualTo(1);
        version.set(-1 - 4); // ended by a sweep, without an event
        assertThat(read(page0)).as("within the interval: its age decides").isEqualTo(1);
        advance(SharedReads.LIVE_REFRESH_NANOS);
        assertThat(read(page0)).as("checked: the search ended, only the exact answer").isEqualTo(2);
        int queries = versionReads.get();
        for (int i = 0; i < 10; i++) {
            advance(SharedReads.LIVE_REFRESH_NANOS / 2);
            assertThat(read(page0)).isEqualTo(2);
        }
        assertThat(versionReads.get() - queries).as("the exact answer: checked once per interval").isEqualTo(5);
    }

    @Test
    void anAnswerThatSeesTheSearchFinishedDropsTheAnswersKeptWhileItRan() {
        SharedReads.Key importance = new SharedReads.Key(1, "importance", List.of(0.1, 1.0));
        assertThat(reads.get(importance, computed::incrementAndGet)).isEqualTo(1);
        assertThat(read(page0)).isEqualTo(2);
        version.set(-1 - 4); // ended; its event not handled yet
        SharedReads.Key detail = new SharedReads.Key(1, "detail", null);
        Integer summary = reads.live(detail, () -> {
            reads.seenFinished(1); // the summary's status says the search has ended
            return computed.incrementAndGet();
        });
        assertThat(summary).isEqualTo(3);
        assertThat(reads.get(importance, computed::incrementAndGet))
                .as("a page that saw the end reads again within the interval: not the answer from before").isEqualTo(4);
        assertThat(read(page0)).isEqualTo(5);

        reads.seenFinished(1); // seen again by the next summary: once per search
        assertThat(reads.get(importance, computed::incrementAndGet)).as("the exact answer stays kept").isEqualTo(4);
        assertThat(read(page0)).isEqualTo(5);
    }

    @Test
    void anEndAlreadyAnnouncedIsNotForgottenAgainWhenSeen() {
        reads.onSearchChanged(new SearchChangedEvent(1, SearchStatus.COMPLETED));
        version.set(-1 - 4);
        assertThat(read(page0)).isEqualTo(1);
        reads.seenFinished(1);
        assertThat(read(page0)).isEqualTo(1);
    }

    @Test
    void anAnswerComputedAcrossTheSearchsChangeIsServedButNotKept() {
        version.set(-1 - 4);
        Integer during = reads.live(page0, () -> {
            // the search ended while this was computed from the rows as they were before
            reads.onSearchChanged(new SearchChangedEvent(1, SearchStatus.COMPLETED));
            return computed.incrementAndGet();
        });
        assertThat(during).isEqualTo(1);
        assertThat(read(page0)).as("computed again after the change").isEqualTo(2);
        assertThat(read(page0)).isEqualTo(2);
    }

    @Test
    void aRefreshAfterTheEndIsExact() {
        read(page0);
        advance(SharedReads.LIVE_REFRESH_NANOS);
        read(page0); // asks for a refresh
        version.set(-1 - 4);
        runRefreshes();
        assertThat(computed).hasValue(2);
        assertThat(read(page0)).as("the refresh's answer saw the end").isEqualTo(2);
        assertThat(refreshes).as("an ended search's answer is not refreshed").isEmpty();
    }

    @Test
    void aChangeOfTheSearchsStatusDropsItsAnswersAndTheListButNoOtherSearchs() {
        SharedReads.Key list = new SharedReads.Key(SharedReads.ALL_SEARCHES, "list", List.of(0, 50));
        SharedReads.Key other = new SharedReads.Key(2, "detail", null);
        SharedReads.Key detail = new SharedReads.Key(1, "detail", null);
        assertThat(List.of(read(page0), read(detail), read(list), read(other))).containsExactly(1, 2, 3, 4);

        reads.onSearchChanged(new SearchChangedEvent(1, SearchStatus.CANCELLED)); // within the interval
        assertThat(List.of(read(page0), read(detail), read(list), read(other))).containsExactly(5, 6, 7, 4);
    }

    @Test
    void eachQueryIsItsOwnAnswer() {
        SharedReads.Key page1 = new SharedReads.Key(1, "board", List.of("valLoss", "asc", 1, 25));
        SharedReads.Key desc = new SharedReads.Key(1, "board", List.of("valLoss", "desc", 0, 25));
        assertThat(List.of(read(page0), read(page1), read(desc), read(page0))).containsExactly(1, 2, 3, 1);
    }

    @Test
    void whenFullTheAnswersNobodyReadLatelyGoFirst() {
        read(page0);
        advance(SharedReads.KEEP_WARM_NANOS);
        for (int page = 1; page < SharedReads.MAX_ENTRIES; page++) {
            read(new SharedReads.Key(1, "board", List.of("valLoss", "asc", page, 25)));
        }
        SharedReads.Key recent = new SharedReads.Key(1, "board", List.of("valLoss", "asc", 1, 25));
        int before = computed.get();
        read(new SharedReads.Key(1, "board", List.of("valLoss", "asc", SharedReads.MAX_ENTRIES, 25))); // full
        assertThat(read(recent)).as("read lately: kept").isLessThanOrEqualTo(before);
        assertThat(read(page0)).as("not read lately: dropped, computed again").isGreaterThan(before + 1);
    }

    @Test
    void aSearchThatDoesNotExistIsNotFoundAndNothingIsComputed() {
        SharedReads.Key missing = new SharedReads.Key(404, "detail", null);
        assertThatThrownBy(() -> read(missing)).isInstanceOf(NotFoundException.class);
        assertThat(computed).hasValue(0);
    }

    @Test
    void anAggregateOfTheSameSearchKeepsItsOwnRules() {
        SharedReads.Key charts = new SharedReads.Key(1, "charts", 10);
        assertThat(reads.get(charts, computed::incrementAndGet)).isEqualTo(1);
        advance(SharedReads.LIVE_MAX_AGE_NANOS);
        assertThat(reads.get(charts, computed::incrementAndGet)).as("no trial ended: up to date however old")
                .isEqualTo(1);
        assertThat(refreshes).isEmpty();
    }
}
