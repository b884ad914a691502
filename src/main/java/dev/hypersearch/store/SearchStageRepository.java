package dev.hypersearch.store;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SearchStageRepository extends JpaRepository<SearchStageEntity, SearchStageEntity.Key> {

    List<SearchStageEntity> findBySearchIdOrderByStage(long searchId);
}
