package dev.hypersearch.api;

import dev.hypersearch.search.TrialStatus;
import dev.hypersearch.store.TrialEntity;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** Read-only aggregate the search list needs: trial counts per (search, status) for a page in one query. */
public interface TrialCounts extends Repository<TrialEntity, Long> {

    @Query("select t.searchId as searchId, t.status as status, count(t) as count from TrialEntity t"
            + " where t.searchId in ?1 group by t.searchId, t.status")
    List<Row> countBySearchAndStatus(Collection<Long> searchIds);

    interface Row {
        long getSearchId();

        TrialStatus getStatus();

        long getCount();
    }
}
