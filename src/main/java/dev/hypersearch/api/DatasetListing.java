package dev.hypersearch.api;

import dev.hypersearch.store.DatasetEntity;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * Uploaded data sets without their content: the entity's lazy byte[] is only lazy with bytecode
 * enhancement, so listing through the entity would read every file.
 */
public interface DatasetListing extends Repository<DatasetEntity, Long> {

    String COLUMNS = "select d.name as name, d.task as task, d.rowCount as rowCount,"
            + " d.featureCount as featureCount, d.classCount as classCount, d.labelColumn as labelColumn,"
            + " d.profile as profile, d.owner as owner from DatasetEntity d";

    @Query(COLUMNS + " order by d.name")
    List<Row> findAllRows();

    @Query(COLUMNS + " where d.name = ?1")
    Optional<Row> findRow(String name);

    interface Row {
        String getName();

        String getTask();

        int getRowCount();

        int getFeatureCount();

        Integer getClassCount();

        String getLabelColumn();

        /** The profile as JSON; null for uploads made before profiles were kept. */
        String getProfile();

        String getOwner();
    }
}
