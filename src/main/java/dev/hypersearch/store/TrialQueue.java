package dev.hypersearch.store;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Trials as a work queue in the database. Claims are one short transaction with FOR UPDATE SKIP LOCKED
 * (PostgreSQL, H2 >= 2.2.220); leases expire by the database clock; every write after the claim is a
 * conditional update on (id, worker id, attempt, RUNNING), so a worker that lost its lease changes nothing.
 * Portable SQL only: the same statements run on H2 and PostgreSQL.
 */
@Repository
public class TrialQueue {

    private static final String LEASE_MATCH = " WHERE id = ? AND worker_id = ? AND attempt = ? AND status = 'RUNNING'";
    private static final String LEASE_EXPIRY = "CURRENT_TIMESTAMP + (CAST(? AS INTEGER) * INTERVAL '1' SECOND)";

    private final JdbcTemplate jdbc;

    public TrialQueue(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims the queued trial with the lowest number across all searches, so running searches share workers
     * round-robin and each search runs FIFO.
     */
    @Transactional
    public Optional<ClaimedTrial> claim(String workerId, int leaseSeconds) {
        List<Long> ids = jdbc.queryForList(
                "SELECT id FROM trial WHERE status = 'QUEUED' ORDER BY number, search_id"
                        + " FETCH FIRST 1 ROWS ONLY FOR UPDATE SKIP LOCKED", Long.class);
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        long id = ids.get(0);
        jdbc.update("UPDATE trial SET status = 'RUNNING', worker_id = ?, attempt = attempt + 1,"
                + " lease_expires_at = " + LEASE_EXPIRY + ", started_at = CURRENT_TIMESTAMP WHERE id = ?",
                workerId, leaseSeconds, id);
        // A previous attempt's curve is replaced by this attempt's.
        jdbc.update("DELETE FROM trial_epoch WHERE trial_id = ?", id);
        return Optional.of(jdbc.queryForObject("SELECT search_id, number, attempt FROM trial WHERE id = ?",
                (rs, i) -> new ClaimedTrial(new Lease(id, workerId, rs.getInt(3)), rs.getLong(1), rs.getInt(2)), id));
    }

    /** Extends the lease; false when it was lost (expired and requeued, or the trial ended elsewhere). */
    @Transactional
    public boolean renew(Lease lease, int leaseSeconds) {
        return jdbc.update("UPDATE trial SET lease_expires_at = " + LEASE_EXPIRY + LEASE_MATCH,
                leaseSeconds, lease.trialId(), lease.workerId(), lease.attempt()) == 1;
    }

    /** Writes one epoch of the curve under the lease (and renews it); false when the lease was lost. */
    @Transactional
    public boolean recordEpoch(Lease lease, EpochRow row, int leaseSeconds) {
        if (!renew(lease, leaseSeconds)) {
            return false;
        }
        jdbc.update("INSERT INTO trial_epoch (trial_id, epoch, train_loss, val_loss, val_accuracy, elapsed_ms)"
                        + " VALUES (?, ?, ?, ?, ?, ?)",
                lease.trialId(), row.epoch(), finite(row.trainLoss()), finite(row.valLoss()),
                finite(row.valAccuracy()), row.elapsedMs());
        return true;
    }

    /** Ends the attempt with its result; false when the lease was lost, in which case nothing is written. */
    @Transactional
    public boolean finish(Lease lease, TrialResult r) {
        return jdbc.update("UPDATE trial SET status = ?, val_loss = ?, best_val_loss = ?, best_epoch = ?,"
                        + " val_accuracy = ?, train_loss = ?, epochs_run = ?, duration_ms = ?, error = ?,"
                        + " lease_expires_at = NULL, finished_at = CURRENT_TIMESTAMP" + LEASE_MATCH,
                r.status().name(), finite(r.valLoss()), finite(r.bestValLoss()), r.bestEpoch(),
                finite(r.valAccuracy()), finite(r.trainLoss()), r.epochsRun(), r.durationMs(), truncate(r.error()),
                lease.trialId(), lease.workerId(), lease.attempt()) == 1;
    }

    /** Gives a trial back to the queue at once (graceful shutdown), without counting the attempt as failed. */
    @Transactional
    public boolean release(Lease lease) {
        return jdbc.update("UPDATE trial SET status = 'QUEUED', worker_id = NULL, lease_expires_at = NULL,"
                + " attempt = attempt - 1" + LEASE_MATCH, lease.trialId(), lease.workerId(), lease.attempt()) == 1;
    }

    /**
     * Requeues trials whose lease expired; those that already used {@code maxAttempts} end FAILED.
     * Returns how many rows changed.
     */
    @Transactional
    public int reapExpired(int maxAttempts) {
        int failed = jdbc.update("UPDATE trial SET status = 'FAILED', lease_expires_at = NULL,"
                + " finished_at = CURRENT_TIMESTAMP,"
                + " error = 'lease expired on attempt ' || CAST(attempt AS VARCHAR(12)) || ' of ' || CAST(? AS VARCHAR(12))"
                + " || ' (worker ' || COALESCE(worker_id, '?') || ' stopped reporting)'"
                + " WHERE status = 'RUNNING' AND lease_expires_at < CURRENT_TIMESTAMP AND attempt >= ?",
                maxAttempts, maxAttempts);
        int requeued = jdbc.update("UPDATE trial SET status = 'QUEUED', worker_id = NULL, lease_expires_at = NULL"
                + " WHERE status = 'RUNNING' AND lease_expires_at < CURRENT_TIMESTAMP");
        return failed + requeued;
    }

    /** At startup of the only process on an embedded database every RUNNING trial is an orphan. */
    @Transactional
    public int requeueAllRunning() {
        return jdbc.update("UPDATE trial SET status = 'QUEUED', worker_id = NULL, lease_expires_at = NULL"
                + " WHERE status = 'RUNNING'");
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 4000 ? s : s.substring(0, 3997) + "...";
    }
}
