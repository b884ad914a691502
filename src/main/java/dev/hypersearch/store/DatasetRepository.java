package dev.hypersearch.store;

import dev.hypersearch.data.DatasetShape;
import java.util.Optional;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DatasetRepository extends JpaRepository<DatasetEntity, Long> {

    Optional<DatasetEntity> findByName(String name);

    boolean existsByName(String name);

    /** The upload's shape as recorded at upload, without reading its content. */
    @Query("select new dev.hypersearch.data.DatasetShape(d.rowCount, d.featureCount, coalesce(d.classCount, 0))"
            + " from DatasetEntity d where d.name = :name")
    Optional<DatasetShape> findShapeByName(String name);

    @Query("select d.profile from DatasetEntity d where d.name = :name and d.profile is not null")
    Optional<String> findProfileByName(String name);
}
