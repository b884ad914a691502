package dev.hypersearch.store;

import static dev.hypersearch.store.LeaseValues.seconds;
import static dev.hypersearch.store.LeaseValues.truncate;

import dev.hypersearch.search.TrialParams;
import java.time.Duration;
import dev.hypersearch.search.pruning.PruneDecision;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import dev.hypersearch.search.TrialStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Trials as a work queue in the database. Claims are one short transaction with FOR UPDATE SKIP LOCKED
 * (PostgreSQL, H2 >= 2.2.220); leases expire by the database clock; every write after the claim is
 * conditional on (id, worker id, attempt, RUNNING), so a worker that lost its lease changes nothing.
 * A trial's curve ({@code trial_epoch}) always belongs to its current attempt: whatever hands a trial back
 * to the queue (release, reaper) deletes it in the same transaction, so a claim needs no clean-up.
 * Portable SQL except the claim's locking read, which {@link SqlDialect} words for each database.
 */
@Repository
public class TrialQueue {

    private static final String LEASE_MATCH = " WHERE id = ? AND worker_id = ? AND attempt = ? AND status = 'RUNNING'";
    static final String LEASE_EXPIRY = "CURRENT_TIMESTAMP + (CAST(? AS INTEGER) * INTERVAL '1' SECOND)";
    private static final String INSERT_EPOCH = "INSERT INTO trial_epoch (trial_id, epoch, train_loss, val_loss,"
            + " val_accuracy, elapsed_ms) SELECT id, ?, ?, ?, ?, ? FROM trial" + LEASE_MATCH + " FOR UPDATE";
    /** Looks for a trial in one claim: each failed look means another claim took a search's last planned trial. */
    private static final int MAX_LOOKS = 8;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;
    private final SqlDialect dialect;
    private final TrialCounters counters;
    private final TrialNotices notices;
    private final PlannedTrials planned;

    TrialQueue(JdbcTemplate jdbc, SqlDialect dialect, TrialCounters counters, TrialNotices notices,
               PlannedTrials planned) {
        this.planned = planned;
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.counters = counters;
        this.notices = notices;
    }

    /**
     * Claims the trial with the lowest number across all running searches, so they share workers round-robin
     * and each runs FIFO: a trial handed back to the queue (a QUEUED row: released, or reaped after its lease
     * expired) if its number is not above the lowest planned one, else the next planned trial of the search
     * with the lowest next number, created RUNNING now ({@link PlannedTrials}). The queued row is taken by a
     * locking read (index trial_claim) that also returns its parameters and its search's status, and an update.
     */
    @Transactional
    public Optional<ClaimedTrial> claim(String workerId, Duration lease) {
        for (int look = 0; look < MAX_LOOKS; look++) {
            Optional<PlannedTrials.Next> next = planned.next();
            Optional<ClaimedTrial> queued = claimQueued(workerId, lease,
                    next.map(PlannedTrials.Next::number).orElse(Integer.MAX_VALUE));
            if (queued.isPresent() || next.isEmpty()) {
                return queued;
            }
            Optional<ClaimedTrial> created = planned.create(next.get().searchId(), workerId, seconds(lease));
            if (created.isPresent()) {
                ClaimedTrial c = created.get();
                notices.trialChanged(c.searchId(), c.lease().trialId(), c.number(), TrialStatus.RUNNING);
                return created;
            }
            // That search's last planned trial went to another claim, or it stopped: look again.
        }
        return Optional.empty();
    }

    /** The queued row with the lowest number up to {@code maxNumber}, claimed; empty when there is none. */
    private Optional<ClaimedTrial> claimQueued(String workerId, Duration lease, int maxNumber) {
        List<ClaimedTrial> rows = jdbc.query(dialect.claimSql(), (rs, i) -> new ClaimedTrial(
                new Lease(rs.getLong(1), workerId, rs.getInt(4) + 1), rs.getLong(2), rs.getInt(3),
                params(rs.getString(5)), SearchStatus.valueOf(rs.getString(6))), maxNumber);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        ClaimedTrial claim = rows.get(0);
        jdbc.update("UPDATE trial SET status = 'RUNNING', worker_id = ?, attempt = ?,"
                + " lease_expires_at = " + LEASE_EXPIRY + ", started_at = CURRENT_TIMESTAMP WHERE id = ?",
                workerId, claim.lease().attempt(), seconds(lease), claim.lease().trialId());
        counters.apply(claim.searchId(), new TrialCounters.Delta().move(TrialStatus.QUEUED, TrialStatus.RUNNING, 1));
        notices.trialChanged(claim.searchId(), claim.lease().trialId(), claim.number(), TrialStatus.RUNNING);
        return Optional.of(claim);
    }

    /**
     * Sets a model-based trial's parameters, decided after its claim, with what they were computed from; under
     * the lease and only once (a trial's parameters never change after). False when the lease was lost.
     */
    @Transactional
    public boolean recordSuggestion(Lease lease, TrialParams params, SuggestionBasis basis) {
        return jdbc.update("UPDATE trial SET params = " + dialect.jsonParameter() + ", suggestion_basis = "
                        + dialect.jsonParameter() + LEASE_MATCH + " AND params IS NULL",
                JSON.writeValueAsString(params), JSON.writeValueAsString(basis),
                lease.trialId(), lease.workerId(), lease.attempt()) == 1;
    }

    private static TrialParams params(String json) {
        return json == null ? null : JSON.readValue(json, TrialParams.class);
    }

    /** Extends the lease; false when it was lost (expired and requeued, or the trial ended elsewhere). */
    @Transactional
    public boolean renew(Lease lease, Duration duration) {
        return jdbc.update("UPDATE trial SET lease_expires_at = " + LEASE_EXPIRY + LEASE_MATCH,
                seconds(duration), lease.trialId(), lease.workerId(), lease.attempt()) == 1;
    }

    /** Writes one epoch of the curve under the lease and renews it, in one transaction; false when it was lost. */
    @Transactional
    public boolean recordEpoch(Lease lease, EpochRow row, Duration duration) {
        return renew(lease, duration) && recordEpoch(lease, row);
    }

    /**
     * Writes one epoch of the curve under the lease, without renewing it: one statement in its own transaction
     * (no Spring transaction, no JPA session), and one H2 keeps parsed (it parses every UPDATE again). The insert
     * takes its row from the trial's row while the lease holds, locked as an update would lock it: a reaper
     * requeueing the trial meanwhile either skips it or is waited for, and then the lease no longer matches.
     * False when the lease was lost.
     */
    public boolean recordEpoch(Lease lease, EpochRow row) {
        return jdbc.update(INSERT_EPOCH, row.epoch(), finite(row.trainLoss()), finite(row.valLoss()),
                finite(row.valAccuracy()), row.elapsedMs(), lease.trialId(), lease.workerId(), lease.attempt()) == 1;
    }

    /**
     * Ends the attempt with its result; false when the lease was lost, in which case nothing is written.
     * The update matches only a RUNNING row held by this lease, so of any number of finishes of one trial
     * (stale workers, retries) exactly one writes a result.
     */
    @Transactional
    public boolean finish(Lease lease, TrialResult r) {
        List<long[]> held = jdbc.query("SELECT search_id, number FROM trial" + LEASE_MATCH,
                (rs, i) -> new long[] {rs.getLong(1), rs.getInt(2)}, lease.trialId(), lease.workerId(), lease.attempt());
        if (held.isEmpty()) {
            return false;
        }
        PruneDecision p = r.pruning();
        CrossValidationRecord cv = r.crossValidation();
        boolean written = jdbc.update("UPDATE trial SET status = ?, val_loss = ?, best_val_loss = ?, best_epoch = ?,"
                        + " val_accuracy = ?, train_loss = ?, epochs_run = ?, duration_ms = ?, error = ?,"
                        + " prune_rule = ?, prune_epoch = ?, prune_rung = ?, prune_value = ?, prune_threshold = ?,"
                        + " cv_folds = ?, cv_val_loss_std = ?, cv_val_accuracy_std = ?,"
                        + " val_rmse = ?, val_mae = ?, val_r2 = ?, val_f1 = ?,"
                        + " lease_expires_at = NULL, finished_at = CURRENT_TIMESTAMP" + LEASE_MATCH,
                r.status().name(), finite(r.valLoss()), finite(r.bestValLoss()), r.bestEpoch(),
                finite(r.valAccuracy()), finite(r.trainLoss()), r.epochsRun(), r.durationMs(), truncate(r.error()),
                p == null ? null : p.rule(), p == null ? null : p.epoch(), p == null ? null : p.rung(),
                p == null ? null : finite(p.value()), p == null ? null : finite(p.threshold()),
                cv == null ? null : cv.folds(), cv == null ? null : finite(cv.valLossStd()),
                cv == null ? null : finite(cv.valAccuracyStd()),
                finite(r.scores().rmse()), finite(r.scores().mae()), finite(r.scores().r2()),
                finite(r.scores().macroF1()),
                lease.trialId(), lease.workerId(), lease.attempt()) == 1;
        if (written && cv != null) {
            insertFoldCurves(lease.trialId(), cv);
        }
        if (written) {
            long searchId = held.get(0)[0];
            counters.apply(searchId, new TrialCounters.Delta().move(TrialStatus.RUNNING, r.status(), 1));
            notices.trialChanged(searchId, lease.trialId(), (int) held.get(0)[1], r.status());
        }
        return written;
    }

    /** Each fold's curve, in the result's transaction: a lost lease writes none of it. */
    private void insertFoldCurves(long trialId, CrossValidationRecord cv) {
        List<Object[]> rows = new ArrayList<>();
        for (int fold = 0; fold < cv.foldCurves().size(); fold++) {
            for (EpochRow e : cv.foldCurves().get(fold)) {
                rows.add(new Object[] {trialId, fold, e.epoch(), finite(e.trainLoss()), finite(e.valLoss()),
                        finite(e.valAccuracy())});
            }
        }
        jdbc.batchUpdate("INSERT INTO trial_fold_epoch (trial_id, fold, epoch, train_loss, val_loss, val_accuracy)"
                + " VALUES (?, ?, ?, ?, ?, ?)", rows);
    }

    /**
     * Whether this lease's attempt is the one that ended the trial: after a finish whose commit may have
     * happened though the connection broke before the answer came, a retry asks this instead of finishing twice.
     */
    public boolean endedUnder(Lease lease) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM trial WHERE id = ? AND worker_id = ? AND attempt = ?"
                        + " AND status NOT IN ('QUEUED', 'RUNNING')", Integer.class,
                lease.trialId(), lease.workerId(), lease.attempt());
        return n != null && n > 0;
    }

    /**
     * Gives a trial back to the queue at once (graceful shutdown), without counting the attempt: its partial
     * curve is dropped and the next claim starts it afresh.
     */
    @Transactional
    public boolean release(Lease lease) {
        List<Long> search = jdbc.queryForList("SELECT search_id FROM trial" + LEASE_MATCH, Long.class,
                lease.trialId(), lease.workerId(), lease.attempt());
        boolean released = jdbc.update("UPDATE trial SET status = 'QUEUED', worker_id = NULL, lease_expires_at = NULL,"
                + " attempt = attempt - 1" + LEASE_MATCH, lease.trialId(), lease.workerId(), lease.attempt()) == 1;
        if (released) {
            jdbc.update("DELETE FROM trial_epoch WHERE trial_id = ?", lease.trialId());
            counters.apply(search.get(0), new TrialCounters.Delta().move(TrialStatus.RUNNING, TrialStatus.QUEUED, 1));
        }
        return released;
    }

    private record Expired(long id, long searchId, int attempt, String workerId, OffsetDateTime leaseExpiredAt, String history) {
    }

    /**
     * Requeues trials whose lease expired (the next claim is attempt + 1); those that already used
     * {@code maxAttempts} end FAILED with the history of their attempts as the error. Rows still locked by
     * another transaction (a worker writing right now, another process reaping) are skipped, so a heartbeat
     * never waits on a lock. Returns how many trials changed.
     */
    @Transactional
    public int reapExpired(int maxAttempts) {
        List<Expired> expired = jdbc.query("SELECT id, search_id, attempt, worker_id, lease_expires_at, attempt_history"
                        + " FROM trial WHERE status = 'RUNNING' AND lease_expires_at < CURRENT_TIMESTAMP"
                        + " FOR UPDATE SKIP LOCKED",
                (rs, i) -> new Expired(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class), rs.getString(6)));
        if (expired.isEmpty()) {
            return 0;
        }
        List<Object[]> requeue = new ArrayList<>();
        List<Object[]> fail = new ArrayList<>();
        List<Object[]> curves = new ArrayList<>();
        Map<Long, TrialCounters.Delta> moved = new HashMap<>();
        for (Expired e : expired) {
            String line = "attempt " + e.attempt() + " on worker " + (e.workerId() == null ? "?" : e.workerId())
                    + ": lease expired" + (e.leaseExpiredAt() == null ? ""
                    : " at " + e.leaseExpiredAt().withOffsetSameInstant(ZoneOffset.UTC).toInstant());
            String history = truncate(e.history() == null ? line : e.history() + "; " + line);
            if (e.attempt() >= maxAttempts) {
                String error = "gave up after attempt " + e.attempt() + " of " + maxAttempts
                        + ": every attempt lost its worker (" + history + ")";
                fail.add(new Object[] {history, truncate(error), e.id(), e.attempt()});
                moved.computeIfAbsent(e.searchId(), k -> new TrialCounters.Delta())
                        .move(TrialStatus.RUNNING, TrialStatus.FAILED, 1);
            } else {
                requeue.add(new Object[] {history, e.id(), e.attempt()});
                curves.add(new Object[] {e.id()});
                moved.computeIfAbsent(e.searchId(), k -> new TrialCounters.Delta())
                        .move(TrialStatus.RUNNING, TrialStatus.QUEUED, 1);
            }
        }
        if (!fail.isEmpty()) {
            jdbc.batchUpdate("UPDATE trial SET status = 'FAILED', attempt_history = ?, error = ?,"
                    + " lease_expires_at = NULL, finished_at = CURRENT_TIMESTAMP"
                    + " WHERE id = ? AND attempt = ? AND status = 'RUNNING'", fail);
        }
        if (!requeue.isEmpty()) {
            jdbc.batchUpdate("UPDATE trial SET status = 'QUEUED', worker_id = NULL, lease_expires_at = NULL,"
                    + " attempt_history = ? WHERE id = ? AND attempt = ? AND status = 'RUNNING'", requeue);
            jdbc.batchUpdate("DELETE FROM trial_epoch WHERE trial_id = ?", curves);
        }
        // The rows are locked (FOR UPDATE) and RUNNING, so every update above changed one row.
        counters.apply(moved);
        return expired.size();
    }

    /**
     * At startup of the only process on an embedded database every RUNNING trial is an orphan: its lease is
     * forfeited at once and it goes through the reaper (requeued, or FAILED after the retry cap, so a trial
     * that kills its process cannot loop forever).
     */
    @Transactional
    public int reapAllRunning(int maxAttempts) {
        jdbc.update("UPDATE trial SET lease_expires_at = CURRENT_TIMESTAMP - INTERVAL '1' SECOND"
                + " WHERE status = 'RUNNING'");
        return reapExpired(maxAttempts);
    }

    /** How many trials wait in the queue, across all searches: queued rows and planned trials not created yet. */
    public long depth() {
        Long n = jdbc.queryForObject("SELECT SUM(n) FROM search_trial_count WHERE status = 'QUEUED'", Long.class);
        return n == null ? 0 : n;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
