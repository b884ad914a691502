package dev.hypersearch.store;

import dev.hypersearch.data.ingest.ColumnCodec;
import dev.hypersearch.data.table.Column;
import dev.hypersearch.data.table.Table;
import dev.hypersearch.data.table.Target;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * An upload's typed columns, one row each (the features in file order, then the label), as
 * {@link ColumnCodec} bytes: the form in which every worker process loads a data set.
 */
@Repository
public class DatasetColumns {

    private static final String LABEL = "LABEL";
    private static final String FEATURE = "FEATURE";

    private final JdbcTemplate jdbc;

    public DatasetColumns(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes the table's columns one at a time (only one column's bytes are in memory); returns the bytes stored. */
    long insert(long datasetId, Table table) {
        long bytes = 0;
        int position = 0;
        for (Column c : table.features()) {
            bytes += insert(datasetId, position++, c.name(), FEATURE, ColumnCodec.encode(c));
        }
        Target target = table.target();
        return bytes + insert(datasetId, position, target.name(), LABEL, ColumnCodec.encode(target));
    }

    private long insert(long datasetId, int position, String name, String role, byte[] content) {
        jdbc.update("INSERT INTO dataset_column (dataset_id, position, name, role, content) VALUES (?, ?, ?, ?, ?)",
                datasetId, position, name, role, content);
        return content.length;
    }

    /** The stored table, or null when the data set has no stored columns (an upload from before typed columns). */
    Table load(long datasetId, String datasetName) {
        List<Column> features = new ArrayList<>();
        Target[] target = new Target[1];
        jdbc.query("SELECT name, role, content FROM dataset_column WHERE dataset_id = ? ORDER BY position", rs -> {
            String name = rs.getString(1);
            byte[] content = rs.getBytes(3);
            if (LABEL.equals(rs.getString(2))) {
                target[0] = ColumnCodec.decodeTarget(name, content);
            } else {
                features.add(ColumnCodec.decodeColumn(name, content));
            }
        }, datasetId);
        return target[0] == null ? null : new Table(datasetName, features, target[0]);
    }

    /** Bytes stored for a data set's columns. */
    public long storedBytes(long datasetId) {
        Long bytes = jdbc.queryForObject("SELECT SUM(OCTET_LENGTH(content)) FROM dataset_column WHERE dataset_id = ?",
                Long.class, datasetId);
        return bytes == null ? 0 : bytes;
    }
}
