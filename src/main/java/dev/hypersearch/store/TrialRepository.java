package dev.hypersearch.store;

import dev.hypersearch.search.TrialStatus;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface TrialRepository extends JpaRepository<TrialEntity, Long> {

    Optional<TrialEntity> findBySearchIdAndNumber(long searchId, int number);

    long countBySearchIdAndStatus(long searchId, TrialStatus status);

    java.util.List<TrialEntity> findBySearchIdAndStageAndStatus(long searchId, int stage, TrialStatus status);

    @Query("select t.status as status, count(t) as count from TrialEntity t where t.searchId = ?1 group by t.status")
    java.util.List<StatusCount> countByStatus(long searchId);

    interface StatusCount {
        TrialStatus getStatus();

        long getCount();
    }
}
