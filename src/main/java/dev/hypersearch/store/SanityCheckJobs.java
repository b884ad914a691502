package dev.hypersearch.store;

import dev.hypersearch.search.TrialStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A search's sanity check as a job of the trial queue: a trial row numbered {@value #CHECK_NUMBER} with the first
 * configuration, claimed, leased, renewed, reaped and handed back exactly like a trial (and, the lowest number,
 * claimed before any trial). The search waits CHECKING, with no other trial, until the check's result: in one
 * transaction under the check's lease the row is deleted and either the search's trials are planned and it
 * RUNS, or it ends FAILED with the report. So a check is never lost to a crash and never runs twice to a result.
 */
@Service
public class SanityCheckJobs {

    /** The trial number of a search's sanity check: below every trial, so it is claimed first. */
    public static final int CHECK_NUMBER = -1;
    private static final String CHECK_LEASE = "DELETE FROM trial WHERE id = ? AND worker_id = ? AND attempt = ?"
            + " AND status = 'RUNNING' AND number = " + CHECK_NUMBER;

    private final JdbcTemplate jdbc;
    private final SearchRepository searches;
    private final TrialInserts inserts;
    private final TrialCounters counters;
    private final TrialNotices notices;
    private final PlannedTrials planned;

    SanityCheckJobs(JdbcTemplate jdbc, SearchRepository searches, TrialInserts inserts, TrialCounters counters,
                    TrialNotices notices, PlannedTrials planned) {
        this.notices = notices;
        this.planned = planned;
        this.jdbc = jdbc;
        this.searches = searches;
        this.inserts = inserts;
        this.counters = counters;
    }

    /** Stores the search CHECKING with its check queued, in one transaction. */
    @Transactional
    public SearchEntity create(SearchEntity search) {
        search.awaitSanityCheck();
        SearchEntity saved = searches.save(search);
        inserts.trials(saved.getId(), CHECK_NUMBER, null, List.of(FirstTrials.firstOf(saved.searchSpec())),
                saved.getCreatedAt());
        return saved;
    }

    /**
     * The check passed: its row goes, the search's trials are planned (claims create them) and it runs.
     *
     * @return the search's status after it; empty when the lease was lost (nothing changed)
     */
    @Transactional
    public Optional<SearchStatus> passed(Lease lease, long searchId, Map<String, Object> report) {
        if (!endUnder(lease)) {
            return Optional.empty();
        }
        if (jdbc.update("UPDATE search SET status = 'RUNNING' WHERE id = ? AND status = 'CHECKING'", searchId) == 0) {
            return Optional.of(statusOf(searchId)); // cancelled while checking
        }
        SearchEntity search = searches.findById(searchId).orElseThrow();
        search.withSanityCheck(report);
        planned.start(searchId, FirstTrials.of(search.searchSpec()), Instant.now());
        notices.searchChanged(searchId, SearchStatus.RUNNING);
        return Optional.of(SearchStatus.RUNNING);
    }

    /** The check failed: its row goes and the search ends FAILED with the report's message. */
    @Transactional
    public Optional<SearchStatus> failed(Lease lease, long searchId, Map<String, Object> report, String message) {
        if (!endUnder(lease)) {
            return Optional.empty();
        }
        if (!fail(searchId, message)) {
            return Optional.of(statusOf(searchId));
        }
        searches.findById(searchId).orElseThrow().withSanityCheck(report);
        return Optional.of(SearchStatus.FAILED);
    }

    /** The search was cancelled while its check ran: the check's row goes. False when the lease was lost. */
    @Transactional
    public boolean dropped(Lease lease) {
        return endUnder(lease);
    }

    /**
     * Fails the searches whose check the lease reaper gave up on (every attempt lost its worker, e.g. killed by
     * the check itself), with the attempts as the reason. Run by the heartbeat's sweep and at startup.
     */
    @Transactional
    public int failAbandoned() {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT t.id, t.search_id, t.error FROM trial t"
                + " JOIN search s ON s.id = t.search_id WHERE t.number = ? AND t.status = 'FAILED'"
                + " AND s.status = 'CHECKING' ORDER BY t.search_id", CHECK_NUMBER);
        for (Map<String, Object> row : rows) {
            long searchId = ((Number) row.get("search_id")).longValue();
            jdbc.update("DELETE FROM trial WHERE id = ?", ((Number) row.get("id")).longValue());
            counters.apply(searchId, TrialStatus.FAILED, -1);
            fail(searchId, "sanity check failed: it could not be run: " + row.get("error"));
        }
        return rows.size();
    }

    /** Deletes the check's row under its lease (it was RUNNING, so the search's running count drops). */
    private boolean endUnder(Lease lease) {
        List<Long> search = jdbc.queryForList("SELECT search_id FROM trial WHERE id = ?", Long.class, lease.trialId());
        if (jdbc.update(CHECK_LEASE, lease.trialId(), lease.workerId(), lease.attempt()) != 1) {
            return false;
        }
        counters.apply(search.get(0), TrialStatus.RUNNING, -1);
        return true;
    }

    private boolean fail(long searchId, String message) {
        String text = message.length() <= 4000 ? message : message.substring(0, 3997) + "...";
        boolean failed = jdbc.update("UPDATE search SET status = 'FAILED', message = ?, finished_at = CURRENT_TIMESTAMP"
                + " WHERE id = ? AND status = 'CHECKING'", text, searchId) == 1;
        if (failed) {
            notices.searchChanged(searchId, SearchStatus.FAILED);
        }
        return failed;
    }

    private SearchStatus statusOf(long searchId) {
        return jdbc.queryForObject("SELECT status FROM search WHERE id = ?",
                (rs, i) -> SearchStatus.valueOf(rs.getString(1)), searchId);
    }
}
