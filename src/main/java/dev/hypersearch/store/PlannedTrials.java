package dev.hypersearch.store;

import dev.hypersearch.search.StageSpace;
import dev.hypersearch.search.TrialStatus;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Trials planned but not created yet. A search stores how many trials it plans ({@code search.planned_trials})
 * and the number its next created trial gets ({@code search.next_number}); the trial counters count the
 * difference as QUEUED. A claim creates the next trial RUNNING under its lease: an atomic increment of
 * next_number (conditional on the search running and a trial being left) takes the search row's lock until
 * the claim commits, so each number is created by one claim only, in any number of threads and processes, and
 * the unique (search_id, number) constraint would refuse a second row. Submission therefore writes one search
 * row however large the grid, and cancelling writes no trial row for the trials never created.
 */
@Component
class PlannedTrials {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The running search whose next trial number is the lowest, and that number. */
    record Next(long searchId, int number) {
    }

    private final JdbcTemplate jdbc;
    private final SqlDialect dialect;
    private final TrialCounters counters;
    private final SearchPlans plans;
    private final SearchStageRepository stages;
    private final TrialIds ids;

    PlannedTrials(JdbcTemplate jdbc, SqlDialect dialect, TrialCounters counters, SearchPlans plans,
                  SearchStageRepository stages) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.counters = counters;
        this.plans = plans;
        this.stages = stages;
        this.ids = new TrialIds(jdbc, dialect);
    }

    /** A new search's first trials (a coarse-to-fine search's first stage, with its row), in its transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    void start(long searchId, FirstTrials first, Instant now) {
        counters.create(searchId);
        if (first.stage() != null) {
            addStage(searchId, first.stage(), now);
        } else {
            plan(searchId, first.count());
        }
    }

    /** A coarse-to-fine stage: its space (read by the claims that create its trials) and its trials planned. */
    @Transactional(propagation = Propagation.MANDATORY)
    void addStage(long searchId, StageSpace s, Instant now) {
        stages.save(new SearchStageEntity(searchId, s.stage(), s.space(), Math.toIntExact(s.firstTrial()),
                s.trialCount(), now));
        plan(searchId, s.trialCount());
    }

    private void plan(long searchId, int count) {
        jdbc.update("UPDATE search SET planned_trials = planned_trials + ? WHERE id = ?", count, searchId);
        counters.apply(searchId, TrialStatus.QUEUED, count);
    }

    /**
     * Drops the planned trials not created yet (the search was cancelled or failed; call after the update that
     * ended it, which holds its row): they leave the QUEUED count for CANCELLED. Returns how many.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    long cancel(long searchId) {
        Integer n = jdbc.queryForObject("SELECT planned_trials - next_number FROM search WHERE id = ?", Integer.class,
                searchId);
        if (n == null || n <= 0) {
            return 0;
        }
        jdbc.update("UPDATE search SET planned_trials = next_number WHERE id = ?", searchId);
        counters.apply(searchId, new TrialCounters.Delta().move(TrialStatus.QUEUED, TrialStatus.CANCELLED, n));
        return n;
    }

    /** The running search with the lowest next number that still plans a trial; a plain read, no lock. */
    Optional<Next> next() {
        List<Next> rows = jdbc.query("SELECT id, next_number FROM search" + dialect.indexHint("search_claim")
                        + " WHERE status = 'RUNNING' AND next_number < planned_trials ORDER BY next_number, id"
                        + " FETCH FIRST 1 ROWS ONLY",
                (rs, i) -> new Next(rs.getLong(1), rs.getInt(2)));
        return rows.stream().findFirst();
    }

    /**
     * Creates the search's next trial RUNNING under a new lease (attempt 1), with its parameters computed from
     * the search's cached plan. Empty when the search stopped running or has no planned trial left (another
     * claim took the last one).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<ClaimedTrial> create(long searchId, String workerId, long leaseSeconds) {
        plans.warm(searchId); // reads the spec (once per process) before the search row is locked
        if (jdbc.update("UPDATE search SET next_number = next_number + 1 WHERE id = ? AND status = 'RUNNING'"
                + " AND next_number < planned_trials", searchId) == 0) {
            return Optional.empty();
        }
        // The row stays locked until commit: what this transaction reads back is its own increment.
        int number = jdbc.queryForObject("SELECT next_number - 1 FROM search WHERE id = ?", Integer.class, searchId);
        SearchPlans.Planned planned = plans.trial(searchId, number);
        long id = ids.next();
        jdbc.update("INSERT INTO trial (id, search_id, number, params, status, stage, worker_id, attempt,"
                        + " lease_expires_at, queued_at, started_at) VALUES (?, ?, ?, " + dialect.jsonParameter()
                        + ", 'RUNNING', ?, ?, 1, " + TrialQueue.LEASE_EXPIRY + ", CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
                id, searchId, number, new SqlParameterValue(Types.VARCHAR,
                        planned.params() == null ? null : JSON.writeValueAsString(planned.params())),
                new SqlParameterValue(Types.INTEGER, planned.stage()), workerId, leaseSeconds);
        counters.apply(searchId, new TrialCounters.Delta().move(TrialStatus.QUEUED, TrialStatus.RUNNING, 1));
        return Optional.of(new ClaimedTrial(new Lease(id, workerId, 1), searchId, number, planned.params(),
                SearchStatus.RUNNING));
    }
}
