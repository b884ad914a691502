package dev.hypersearch.store;

import dev.hypersearch.search.TrialParams;
import dev.hypersearch.search.TrialStatus;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A search's state changes that span trials: creation with its trials planned (or a coarse-to-fine search's
 * first stage), cancellation, the best-trial pointer, the next coarse-to-fine stage, and the end of the
 * search. Conditional updates keep them correct when several workers (or processes) finish trials of one
 * search at the same moment.
 */
@Service
public class SearchLifecycle {

    private static final String BEST_TRIAL = "(SELECT t.id FROM trial t WHERE t.search_id = ? AND t.status = 'COMPLETED'"
            + " AND t.val_loss IS NOT NULL ORDER BY t.val_loss, t.number FETCH FIRST 1 ROWS ONLY)";

    private static final String CANCEL_QUEUED = "UPDATE trial SET status = 'CANCELLED',"
            + " finished_at = CURRENT_TIMESTAMP WHERE search_id = ? AND status = 'QUEUED'";

    /**
     * Queued rows a cancel ends per transaction: under H2's lock timeout on a loaded machine (5,000 took 2.6 s at
     * load 14-24, and the workers' writes that waited on them timed out).
     */
    static final int CANCEL_BATCH = 1_000;

    private final JdbcTemplate jdbc;
    private final SearchRepository searches;
    private final TrialInserts inserts;
    private final StageProgression stages;
    private final TrialCounters counters;
    private final TrialNotices notices;
    private final PlannedTrials planned;
    private final TransactionTemplate transaction;
    private final SqlDialect dialect;

    SearchLifecycle(JdbcTemplate jdbc, SearchRepository searches, TrialInserts inserts, StageProgression stages,
                    TrialCounters counters, TrialNotices notices, PlannedTrials planned, TransactionTemplate transaction,
                    SqlDialect dialect) {
        this.transaction = transaction;
        this.dialect = dialect;
        this.notices = notices;
        this.planned = planned;
        this.jdbc = jdbc;
        this.searches = searches;
        this.inserts = inserts;
        this.stages = stages;
        this.counters = counters;
    }

    /**
     * Creates the search with its first trials planned (all of them, or a coarse-to-fine search's first stage):
     * one search row (and stage row), no trial row; claims create each trial when they run it.
     */
    @Transactional
    public SearchEntity create(SearchEntity search, FirstTrials first) {
        SearchEntity saved = searches.saveAndFlush(search); // the counters and the stage reference its row
        planned.start(saved.getId(), first, saved.getCreatedAt());
        return saved;
    }

    /**
     * Creates the search and the given trials QUEUED, as rows, in one transaction (trials whose parameters are
     * given rather than planned from the spec; numbered from 0 in list order).
     */
    @Transactional
    public SearchEntity create(SearchEntity search, List<TrialParams> trialParams) {
        SearchEntity saved = searches.save(search);
        inserts.trials(saved.getId(), 0, null, trialParams, saved.getCreatedAt());
        return saved;
    }

    /**
     * Creates a coarse-to-fine search with its first stage (space and trials); the search's trial count is
     * the whole budget, so it cannot complete before its last stage has run.
     */
    @Transactional
    public SearchEntity createStaged(SearchEntity search, StageTrials firstStage) {
        SearchEntity saved = searches.save(search);
        inserts.stage(saved.getId(), firstStage, saved.getCreatedAt());
        return saved;
    }

    /**
     * Cancels a running (or checking) search and its queued trials; running trials, and a running sanity check,
     * stop at their next check. A sanity check not yet claimed goes away with it. The search ends in one
     * transaction, its queued rows then in transactions of {@value #CANCEL_BATCH}: one statement over 100,000 rows
     * took 118 s on H2 on a loaded machine, while the workers' lease renewals timed out and they gave their trials
     * up. A claim between batches gets a queued row of a cancelled search and ends it CANCELLED unrun, as after a
     * crash between them.
     */
    public boolean cancel(long searchId) {
        boolean changed = Boolean.TRUE.equals(transaction.execute(tx -> stop(searchId)));
        while (Boolean.TRUE.equals(transaction.execute(tx -> cancelQueuedBatch(searchId)))) {
            // more queued rows than one batch: the next, in its own transaction
        }
        return changed;
    }

    private boolean stop(long searchId) {
        int changed = jdbc.update("UPDATE search SET status = 'CANCELLED', finished_at = CURRENT_TIMESTAMP,"
                + " best_trial_id = " + BEST_TRIAL + " WHERE id = ? AND (status = 'RUNNING' OR status = 'CHECKING')",
                searchId, searchId);
        int checks = jdbc.update("DELETE FROM trial WHERE search_id = ? AND number = ? AND status = 'QUEUED'",
                searchId, SanityCheckJobs.CHECK_NUMBER);
        counters.apply(searchId, new TrialCounters.Delta().add(TrialStatus.QUEUED, -checks));
        planned.cancel(searchId);
        if (changed == 1) {
            notices.searchChanged(searchId, SearchStatus.CANCELLED);
        }
        return changed == 1;
    }

    /**
     * Cancels the search's {@value #CANCEL_BATCH} lowest-numbered queued rows (only trials handed back: the rest are
     * not created), a range of index trial_board_status_asc up to the last one's number; all of them when fewer are
     * left. (H2 ran an UPDATE of {@code id IN (SELECT ... FETCH FIRST n ROWS)} several times slower.) Returns
     * whether rows past the range may be left.
     */
    private boolean cancelQueuedBatch(long searchId) {
        List<Integer> last = jdbc.queryForList("SELECT number FROM trial" + dialect.indexHint("trial_board_status_asc")
                + " WHERE search_id = ? AND status = 'QUEUED' ORDER BY search_id, status ASC NULLS LAST, number"
                + " OFFSET " + (CANCEL_BATCH - 1) + " ROWS FETCH FIRST 1 ROWS ONLY", Integer.class, searchId);
        int cancelled = last.isEmpty() ? jdbc.update(CANCEL_QUEUED, searchId)
                : jdbc.update(CANCEL_QUEUED + " AND number <= ?", searchId, last.get(0));
        counters.apply(searchId, new TrialCounters.Delta().move(TrialStatus.QUEUED, TrialStatus.CANCELLED, cancelled));
        return !last.isEmpty();
    }

    private boolean failIfOverBudget(long searchId) {
        int failedSearch = jdbc.update("UPDATE search SET status = 'FAILED', finished_at = CURRENT_TIMESTAMP,"
                + " message = 'maxFailedTrials reached: ' || CAST(max_failed_trials AS VARCHAR(12))"
                + " || ' trials diverged or failed'"
                + " WHERE id = ? AND status = 'RUNNING' AND max_failed_trials IS NOT NULL AND max_failed_trials <="
                + " (SELECT SUM(c.n) FROM search_trial_count c WHERE c.search_id = ?"
                + " AND (c.status = 'DIVERGED' OR c.status = 'FAILED'))",
                searchId, searchId);
        if (failedSearch == 1) {
            int cancelled = jdbc.update(CANCEL_QUEUED, searchId);
            counters.apply(searchId, new TrialCounters.Delta().move(TrialStatus.QUEUED, TrialStatus.CANCELLED, cancelled));
            planned.cancel(searchId);
        }
        return failedSearch == 1;
    }

    /**
     * Called after one of the search's trials ended, by the worker that ended it: moves the best-trial pointer,
     * fails the search when its failure budget is spent, starts the next coarse-to-fine stage when this one has
     * ended, and completes the search when no trial is left to run. Run it in its own transaction after the
     * trial's, so of two workers finishing the last trials at once, the later sees both. Knowing which trial
     * ended spares scanning the search's results for most trials (measured on H2: 0.09 ms instead of 0.49 ms
     * per trial at 2,000 trials): the best-trial pointer is recomputed only when this trial may beat the
     * current best (results never change once written and only accumulate, so the best only improves: a trial
     * no better than the current best cannot become it), and the failure budget is checked only after a failure.
     */
    @Transactional
    public SearchStatus afterTrialEnded(long searchId, TrialStatus ended, double valLoss, int number) {
        SearchStatus after = afterEnded(searchId, ended, valLoss, number);
        if (after.isFinished()) {
            notices.searchChanged(searchId, after);
        }
        return after;
    }

    private SearchStatus afterEnded(long searchId, TrialStatus ended, double valLoss, int number) {
        List<Object[]> rows = jdbc.query("SELECT s.status, b.val_loss, b.number FROM search s"
                        + " LEFT JOIN trial b ON b.id = s.best_trial_id WHERE s.id = ?",
                (rs, i) -> new Object[] {SearchStatus.valueOf(rs.getString(1)), rs.getObject(2), rs.getInt(3)},
                searchId);
        SearchStatus status = (SearchStatus) rows.get(0)[0];
        Object bestLoss = rows.get(0)[1];
        boolean mayBeatBest = bestLoss == null || valLoss < ((Number) bestLoss).doubleValue()
                || (valLoss == ((Number) bestLoss).doubleValue() && number < (Integer) rows.get(0)[2]);
        if (ended == TrialStatus.COMPLETED && Double.isFinite(valLoss) && mayBeatBest) {
            jdbc.update("UPDATE search SET best_trial_id = " + BEST_TRIAL + " WHERE id = ?", searchId, searchId);
        }
        if ((ended == TrialStatus.DIVERGED || ended == TrialStatus.FAILED) && failIfOverBudget(searchId)) {
            return SearchStatus.FAILED;
        }
        if (stages.advanceIfStageEnded(searchId) == StageProgression.Step.FAILED) {
            return SearchStatus.FAILED;
        }
        return completeIfDone(searchId) == 1 ? SearchStatus.COMPLETED : status;
    }

    /**
     * Completes every running search with no trial left to run, or starts its next coarse-to-fine stage (a
     * sweep after lease reaping, and after a worker that ended a stage's last trial died before advancing).
     * Search rows are taken in id order, so two processes sweeping at once never deadlock.
     */
    @Transactional
    public int completeFinishedSearches() {
        List<Long> ids = jdbc.queryForList("SELECT s.id FROM search s WHERE s.status = 'RUNNING'"
                + " AND s.next_number >= s.planned_trials AND " + nothingToRun("s.id") + " ORDER BY s.id", Long.class);
        int completed = 0;
        for (long id : ids) {
            if (stages.advanceIfStageEnded(id) == StageProgression.Step.FAILED) {
                notices.searchChanged(id, SearchStatus.FAILED);
            }
            if (completeIfDone(id) == 1) {
                completed++;
                notices.searchChanged(id, SearchStatus.COMPLETED);
            }
        }
        return completed;
    }

    public SearchStatus statusOf(long searchId) {
        return jdbc.queryForObject("SELECT status FROM search WHERE id = ?",
                (rs, i) -> SearchStatus.valueOf(rs.getString(1)), searchId);
    }

    /**
     * A search is done when every trial of its budget exists and none is left to run: a coarse-to-fine search
     * whose later stages are not planned yet is between stages, not done; planned trials not created yet are
     * left to run.
     */
    private int completeIfDone(long searchId) {
        return jdbc.update("UPDATE search SET status = 'COMPLETED', finished_at = CURRENT_TIMESTAMP,"
                + " best_trial_id = " + BEST_TRIAL + " WHERE id = ? AND status = 'RUNNING'"
                + " AND next_number >= planned_trials AND " + nothingToRun("?")
                + " AND trial_count <= (SELECT SUM(c.n) FROM search_trial_count c WHERE c.search_id = ?)",
                searchId, searchId, searchId, searchId, searchId);
    }

    /**
     * No trial of the search is queued or running. One equality per status, so the (search_id, status) index
     * answers each with one lookup; H2 does not use the index for {@code status IN (...)} and scans every trial
     * of the search, on every trial end.
     */
    private static String nothingToRun(String searchId) {
        return "NOT EXISTS (SELECT 1 FROM trial t WHERE t.search_id = " + searchId + " AND t.status = 'QUEUED')"
                + " AND NOT EXISTS (SELECT 1 FROM trial t WHERE t.search_id = " + searchId + " AND t.status = 'RUNNING')";
    }

}
