package dev.hypersearch.store;

import dev.hypersearch.search.TrialParams;
import dev.hypersearch.search.importance.TrialTable;
import java.sql.PreparedStatement;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The trials hyperparameter importance is measured on, in one query, streamed row by row so that memory is the
 * caller's compact copy only: completed trials with a finite validation loss, pruned trials (with the epoch they
 * reached and their loss there, as TPE counts them), and diverged trials (whose parameters are informative: they
 * are worse than any completed one).
 */
@Repository
public class ImportanceRows {

    /** Rows fetched per round trip; PostgreSQL streams with a cursor inside the caller's transaction. */
    private static final int FETCH_SIZE = 1000;
    private static final String SQL = "SELECT status, val_loss, params, epochs_run FROM trial WHERE search_id = ?"
            + " AND ((status = 'COMPLETED' AND val_loss IS NOT NULL) OR status = 'DIVERGED'"
            + " OR (status = 'PRUNED' AND epochs_run > 0))";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;

    public ImportanceRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every finished trial of the search (completed with a finite loss, pruned, or diverged), in no particular order. */
    public void finished(long searchId, TrialTable table) {
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement(SQL);
            ps.setLong(1, searchId);
            ps.setFetchSize(FETCH_SIZE);
            return ps;
        }, (RowCallbackHandler) rs -> {
            String status = rs.getString(1);
            double loss = rs.getDouble(2);
            boolean noLoss = rs.wasNull();
            if ("PRUNED".equals(status)) {
                table.addPruned(params(rs.getString(3)).values(), rs.getInt(4), noLoss ? Double.NaN : loss);
            } else if ("DIVERGED".equals(status)) {
                table.add(params(rs.getString(3)).values(), Double.POSITIVE_INFINITY);
            } else if (Double.isFinite(loss)) {
                table.add(params(rs.getString(3)).values(), loss);
            }
        });
    }

    private static TrialParams params(String text) {
        // Some drivers hand a JSON column back as a quoted JSON string.
        String json = text.startsWith("\"") ? JSON.readValue(text, String.class) : text;
        return JSON.readValue(json, TrialParams.class);
    }
}
