package dev.hypersearch.store;

import dev.hypersearch.search.TrialStatus;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * The reads a search's charts are drawn from, each bounded by the caller: completed trials' losses streamed in
 * trial order, samples of completed trials as plain rows (no entities), and the trials and epochs of curves.
 * Completed means COMPLETED with a validation loss, the population the charts describe.
 */
@Repository
public class ChartRepository {

    private static final String COMPLETED_WITH_LOSS = "t.searchId = :id and t.status = :completed and t.valLoss is not null";
    private static final String SAMPLE = "SELECT id, number, val_loss, val_accuracy, params FROM trial"
            + " WHERE search_id = ? AND status = 'COMPLETED' AND val_loss IS NOT NULL";
    private static final RowMapper<SampleRow> SAMPLE_ROW = (rs, i) -> new SampleRow(rs.getLong(1), rs.getInt(2),
            rs.getDouble(3), rs.getObject(4, Double.class), rs.getString(5));

    /** A completed trial as a chart's sample holds it; {@code params} is the stored JSON document. */
    public record SampleRow(long id, int number, double valLoss, Double valAccuracy, String params) {
    }

    /** Receives (trial number, validation loss) rows. */
    @FunctionalInterface
    public interface LossSink {
        void add(int number, double valLoss);
    }

    private final JdbcTemplate jdbc;
    private final EntityManager em;

    public ChartRepository(JdbcTemplate jdbc, EntityManager em) {
        this.jdbc = jdbc;
        this.em = em;
    }

    /** Every completed trial's (number, validation loss), streamed in trial order. */
    public void completedLossesInOrder(long searchId, LossSink sink) {
        jdbc.query("SELECT number, val_loss FROM trial WHERE search_id = ? AND status = 'COMPLETED'"
                + " AND val_loss IS NOT NULL ORDER BY number",
                (RowCallbackHandler) rs -> sink.add(rs.getInt(1), rs.getDouble(2)), searchId);
    }

    /** Every completed trial, in trial order. */
    public List<SampleRow> completed(long searchId) {
        return jdbc.query(SAMPLE + " ORDER BY number", SAMPLE_ROW, searchId);
    }

    /** The {@code limit} completed trials of lowest validation loss (ties by trial number). */
    public List<SampleRow> best(long searchId, int limit) {
        return jdbc.query(SAMPLE + " ORDER BY val_loss, number FETCH FIRST " + limit + " ROWS ONLY", SAMPLE_ROW,
                searchId);
    }

    /** Completed trials whose number is a multiple of {@code stride}, the first {@code limit} in trial order. */
    public List<SampleRow> everyNth(long searchId, long stride, int limit) {
        return jdbc.query(SAMPLE + " AND MOD(number, " + stride + ") = 0 ORDER BY number FETCH FIRST " + limit
                + " ROWS ONLY", SAMPLE_ROW, searchId);
    }

    /** The {@code limit} completed trials of lowest validation loss, as entities, best first. */
    public List<TrialEntity> bestTrials(long searchId, int limit) {
        return em.createQuery("select t from TrialEntity t where " + COMPLETED_WITH_LOSS
                        + " order by t.valLoss, t.number", TrialEntity.class)
                .setParameter("completed", TrialStatus.COMPLETED).setParameter("id", searchId)
                .setMaxResults(limit).getResultList();
    }

    /** The trials of this search among {@code ids} (ids of other searches are ignored). */
    public List<TrialEntity> trials(long searchId, Collection<Long> ids) {
        return em.createQuery("select t from TrialEntity t where t.searchId = :id and t.id in :ids", TrialEntity.class)
                .setParameter("id", searchId).setParameter("ids", ids).getResultList();
    }

    /** The curves of the given trials: each trial's epochs in order. */
    public Map<Long, List<TrialEpochEntity>> epochs(Collection<Long> trialIds) {
        Map<Long, List<TrialEpochEntity>> out = new LinkedHashMap<>();
        em.createQuery("select e from TrialEpochEntity e where e.trialId in :ids order by e.trialId, e.epoch",
                        TrialEpochEntity.class).setParameter("ids", trialIds).getResultList()
                .forEach(e -> out.computeIfAbsent(e.getTrialId(), k -> new ArrayList<>()).add(e));
        return out;
    }
}
