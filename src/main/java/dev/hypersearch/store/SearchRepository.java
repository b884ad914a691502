package dev.hypersearch.store;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface SearchRepository extends JpaRepository<SearchEntity, Long> {

    /** Of the given searches, those no longer running (cancelled, failed or completed, by any process). */
    @Query("select s.id from SearchEntity s where s.id in :ids and s.status <> dev.hypersearch.store.SearchStatus.RUNNING"
            + " and s.status <> dev.hypersearch.store.SearchStatus.CHECKING")
    List<Long> findStoppedAmong(Collection<Long> ids);
}
