package dev.hypersearch.store;

import dev.hypersearch.search.TrialParams;
import dev.hypersearch.search.TrialStatus;
import dev.hypersearch.search.tpe.ObservedTrial;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The trials a TPE suggestion learns from, read from the database: now (at a claim), or as they were when a
 * stored suggestion was made (its {@link SuggestionBasis}; results never change once written, and a trial's
 * parameters never change once set, so the basis's ids recover the suggestion's inputs exactly).
 */
@Repository
public class TpeHistory {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS = "SELECT id, number, params, status, val_loss, epochs_run FROM trial";

    private final JdbcTemplate jdbc;

    public TpeHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The search's trials that have finished or are running, but for {@code trialId}: one indexed equality read
     * per status (trial_board_status; H2 answers {@code status IN (...)} with a scan of the search's trials).
     * A running trial whose own parameters are still being decided has none to count.
     */
    public List<ObservedTrial> observedFor(long searchId, long trialId) {
        List<ObservedTrial> observed = new ArrayList<>();
        for (TrialStatus s : List.of(TrialStatus.COMPLETED, TrialStatus.PRUNED, TrialStatus.DIVERGED,
                TrialStatus.FAILED, TrialStatus.RUNNING)) {
            observed.addAll(jdbc.query(COLUMNS + " WHERE search_id = ? AND status = ? AND id <> ? AND params IS NOT NULL",
                    (rs, i) -> row(rs, null), searchId, s.name(), trialId));
        }
        return observed;
    }

    /** The inputs of a stored suggestion: its basis's trials, those that were running then counted as running. */
    public List<ObservedTrial> observedAt(SuggestionBasis basis) {
        Set<Long> running = new HashSet<>(basis.running());
        List<Long> ids = new ArrayList<>(basis.basedOn());
        ids.addAll(basis.running());
        List<ObservedTrial> observed = new ArrayList<>();
        for (Collection<Long> chunk : chunks(ids)) {
            String marks = String.join(",", chunk.stream().map(id -> "?").toList());
            observed.addAll(jdbc.query(COLUMNS + " WHERE id IN (" + marks + ")",
                    (rs, i) -> row(rs, running), chunk.toArray()));
        }
        return observed;
    }

    private static ObservedTrial row(ResultSet rs, Set<Long> runningThen) throws SQLException {
        long id = rs.getLong(1);
        TrialStatus status = runningThen != null && runningThen.contains(id) ? TrialStatus.RUNNING
                : TrialStatus.valueOf(rs.getString(4));
        double loss = rs.getDouble(5);
        double value = rs.wasNull() || status == TrialStatus.RUNNING ? Double.NaN : loss;
        int epochs = status == TrialStatus.RUNNING ? 0 : rs.getInt(6);
        return new ObservedTrial(id, rs.getInt(2), JSON.readValue(rs.getString(3), TrialParams.class), status, value,
                epochs);
    }

    private static List<List<Long>> chunks(List<Long> ids) {
        List<List<Long>> chunks = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += 500) {
            chunks.add(ids.subList(i, Math.min(ids.size(), i + 500)));
        }
        return chunks;
    }
}
