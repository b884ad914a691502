package dev.hypersearch.store;

import dev.hypersearch.search.pruning.PeerResults;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * What pruners know of a search's other trials, read from the trial_epoch rows every worker (in any process)
 * writes: one query per question, entering trial_epoch by its key (trial_id, epoch) from the search's trials.
 * Peers are every other trial that reported the epoch, whatever its state now; a trial handed back to the
 * queue has no rows (its curve is dropped with its attempt), and non-finite losses are NULL, which the
 * pruners skip.
 */
@Repository
public class StoredPeerResults {

    private static final String PEERS = " FROM trial_epoch e JOIN trial t ON t.id = e.trial_id"
            + " WHERE t.search_id = ? AND t.number <> ?";

    private final JdbcTemplate jdbc;

    public StoredPeerResults(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The view for one search's pruning decisions. */
    public PeerResults forSearch(long searchId) {
        return new PeerResults() {
            @Override
            public List<Double> bestValLossesAt(int epoch, long excludingTrial) {
                // Best so far up to epoch e, over the trials that reached e (MIN ignores NULL losses).
                return jdbc.queryForList("SELECT MIN(e.val_loss)" + PEERS + " AND e.epoch <= ?"
                        + " GROUP BY e.trial_id HAVING MAX(e.epoch) >= ?", Double.class,
                        searchId, excludingTrial, epoch, epoch);
            }

            @Override
            public List<Double> valuesAtRung(int rungEpoch, long excludingTrial) {
                return jdbc.queryForList("SELECT e.val_loss" + PEERS + " AND e.epoch = ?", Double.class,
                        searchId, excludingTrial, rungEpoch);
            }
        };
    }
}
