package dev.hypersearch.store;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * For tests that set trial rows' statuses by SQL (a finished search in an instant, a dead worker's leftovers):
 * the search's trial counters recounted from its rows, as the store would have kept them.
 */
public final class Recount {

    private Recount() {
    }

    /** QUEUED also counts the planned trials not created yet, as the store does. */
    public static void trialCounters(JdbcTemplate jdbc, long searchId) {
        jdbc.update("UPDATE search_trial_count SET n = (SELECT COUNT(*) FROM trial t WHERE t.search_id ="
                + " search_trial_count.search_id AND t.status = search_trial_count.status)"
                + " + CASE WHEN status = 'QUEUED' THEN (SELECT s.planned_trials - s.next_number FROM search s"
                + " WHERE s.id = search_trial_count.search_id) ELSE 0 END WHERE search_id = ?", searchId);
    }
}
