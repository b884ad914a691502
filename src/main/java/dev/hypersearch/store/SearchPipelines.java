package dev.hypersearch.store;

import dev.hypersearch.data.pipeline.FittedPipeline;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The fitted preprocessing of each search, one row per fold (0 for a holdout). Every worker of a search fits the
 * same pipelines from the same rows and seed; the first to record them wins, the rest find them there.
 */
@Repository
public class SearchPipelines {

    private final JdbcTemplate jdbc;
    private final SqlDialect dialect;
    private final TransactionTemplate transaction;

    public SearchPipelines(JdbcTemplate jdbc, SqlDialect dialect, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.transaction = transaction;
    }

    /** Records the search's pipelines unless they already are; true when this call wrote them. */
    public boolean recordOnce(long searchId, List<FittedPipeline> folds) {
        try {
            return Boolean.TRUE.equals(transaction.execute(status -> insert(searchId, folds)));
        } catch (DuplicateKeyException e) {
            return false; // another worker recorded the same pipelines first
        }
    }

    private boolean insert(long searchId, List<FittedPipeline> folds) {
        Integer present = jdbc.queryForObject("SELECT COUNT(*) FROM search_pipeline WHERE search_id = ?",
                Integer.class, searchId);
        if (present != null && present > 0) {
            return false;
        }
        for (int f = 0; f < folds.size(); f++) {
            jdbc.update("INSERT INTO search_pipeline (search_id, fold, width, pipeline) VALUES (?, ?, ?, "
                    + dialect.jsonParameter() + ")", searchId, f, folds.get(f).width(),
                    PipelineJson.write(folds.get(f)));
        }
        return true;
    }

    /** The search's pipelines by fold; empty before its first trial has prepared its data. */
    public List<FittedPipeline> find(long searchId) {
        return jdbc.query("SELECT pipeline FROM search_pipeline WHERE search_id = ? ORDER BY fold",
                (rs, i) -> PipelineJson.read(rs.getString(1)), searchId);
    }

    /** The number of inputs the search's (first) pipeline makes, without reading the pipeline. */
    public Optional<Integer> width(long searchId) {
        return jdbc.queryForList("SELECT width FROM search_pipeline WHERE search_id = ? AND fold = 0", Integer.class,
                searchId).stream().findFirst();
    }
}
