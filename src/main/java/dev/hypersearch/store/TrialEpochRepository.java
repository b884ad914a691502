package dev.hypersearch.store;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface TrialEpochRepository extends JpaRepository<TrialEpochEntity, TrialEpochEntity.Key> {

    List<TrialEpochEntity> findByTrialIdOrderByEpoch(long trialId);
}
