package dev.hypersearch.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hypersearch.search.TrialStatus;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Sort;

class LeaderboardQueryTest {

    static BadParameterException bad(Runnable r) {
        try {
            r.run();
        } catch (BadParameterException e) {
            return e;
        }
        throw new AssertionError("no BadParameterException");
    }

    @Test
    void sortsNullsLastThenByNumber() {
        LeaderboardQuery q = LeaderboardQuery.parse("valLoss", "desc", null, 2, 25);
        List<Sort.Order> orders = q.pageable().getSort().toList();
        assertThat(orders).hasSize(3);
        assertThat(orders.get(0).getProperty()).as("the index's first column, fixed by the query").isEqualTo("searchId");
        assertThat(orders.get(1).getProperty()).isEqualTo("valLoss");
        assertThat(orders.get(1).getDirection()).isEqualTo(Sort.Direction.DESC);
        assertThat(orders.get(1).getNullHandling()).isEqualTo(Sort.NullHandling.NULLS_LAST);
        assertThat(orders.get(2).getProperty()).isEqualTo("number");
        assertThat(orders.get(2).getDirection()).isEqualTo(Sort.Direction.ASC);
        assertThat(q.pageable().getPageNumber()).isEqualTo(2);
        assertThat(q.pageable().getPageSize()).isEqualTo(25);
        assertThat(q.statuses()).isEmpty();
    }

    @Test
    void sortingByNumberNeedsNoTieBreaker() {
        assertThat(LeaderboardQuery.parse("number", "ASC", "", 0, 1).pageable().getSort().toList()).hasSize(2);
    }

    @Test
    void statusesAreACommaSeparatedCaseInsensitiveList() {
        assertThat(LeaderboardQuery.parse("number", "asc", "completed, DIVERGED,,", 0, 50).statuses())
                .containsExactlyInAnyOrder(TrialStatus.COMPLETED, TrialStatus.DIVERGED);
    }

    @Test
    void rejectsWhatIsNotWhitelistedNamingTheParameter() {
        assertThat(bad(() -> LeaderboardQuery.parse("params", "asc", null, 0, 50)).field()).isEqualTo("sort");
        assertThat(bad(() -> LeaderboardQuery.parse("valLoss; drop table trial", "asc", null, 0, 50)).field()).isEqualTo("sort");
        assertThat(bad(() -> LeaderboardQuery.parse("valLoss", "sideways", null, 0, 50)).field()).isEqualTo("dir");
        assertThat(bad(() -> LeaderboardQuery.parse("valLoss", "asc", "DONE", 0, 50)).field()).isEqualTo("status");
        assertThat(bad(() -> LeaderboardQuery.parse("valLoss", "asc", null, -1, 50)).field()).isEqualTo("page");
        assertThat(bad(() -> LeaderboardQuery.parse("valLoss", "asc", null, 0, 0)).field()).isEqualTo("size");
        assertThat(bad(() -> LeaderboardQuery.parse("valLoss", "asc", null, 0, 201)).field()).isEqualTo("size");
        assertThat(LeaderboardQuery.parse("valLoss", "asc", null, 0, 200).pageable().getPageSize()).isEqualTo(200);
    }
}
