package dev.hypersearch.store;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface TrialFoldEpochRepository extends JpaRepository<TrialFoldEpochEntity, TrialFoldEpochEntity.Key> {

    List<TrialFoldEpochEntity> findByTrialIdOrderByFoldAscEpochAsc(long trialId);
}
