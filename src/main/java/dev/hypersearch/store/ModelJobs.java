package dev.hypersearch.store;

import static dev.hypersearch.store.LeaseValues.seconds;
import static dev.hypersearch.store.LeaseValues.truncate;

import dev.hypersearch.search.TrialParams;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Models and their refit jobs in the database. A job is the model row while it is TRAINING: queued without a
 * worker, then claimed (FOR UPDATE SKIP LOCKED) and leased by the database clock like a trial; every later write
 * is conditional on the lease (model id, worker id, attempt), so a worker that lost it changes nothing; an
 * expired lease is requeued as attempt + 1, or FAILED with the attempts' history after the retry cap.
 */
@Repository
public class ModelJobs {

    private static final String COLUMNS = "id, search_id, trial_id, trial_number, search_seed, status, params,"
            + " dataset, task, metrics, feature_schema, classes, worker_id, attempt, error, owner, created_at,"
            + " started_at, finished_at";
    private static final String LEASE_MATCH = " WHERE id = ? AND worker_id = ? AND attempt = ? AND status = 'TRAINING'";
    private static final String LEASE_EXPIRY = "CURRENT_TIMESTAMP + (CAST(? AS INTEGER) * INTERVAL '1' SECOND)";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;
    private final SqlDialect dialect;
    private final ApplicationEventPublisher events;

    public ModelJobs(JdbcTemplate jdbc, SqlDialect dialect, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.events = events;
    }

    /** What a new model refits: a completed trial of a search; {@code owner} who asked (null: security off). */
    public record Source(long searchId, long trialId, int trialNumber, long searchSeed, TrialParams params,
                         String dataset, String task, String owner) {
    }

    /** The model of this trial, queued now, or the one that already exists (created false). */
    public record Created(ModelRecord model, boolean created) {
    }

    /** Queues the refit of the source trial, unless that trial has a model already. */
    public Created create(Source s) {
        Optional<ModelRecord> existing = forTrial(s.trialId());
        if (existing.isPresent()) {
            return new Created(existing.get(), false);
        }
        try {
            jdbc.update("INSERT INTO model (search_id, trial_id, trial_number, search_seed, status, params, dataset,"
                            + " task, owner, created_at) VALUES (?, ?, ?, ?, 'TRAINING', " + dialect.jsonParameter()
                            + ", ?, ?, ?, ?)",
                    s.searchId(), s.trialId(), s.trialNumber(), s.searchSeed(), JSON.writeValueAsString(s.params()),
                    s.dataset(), s.task(), s.owner(), OffsetDateTime.now(ZoneOffset.UTC));
        } catch (DuplicateKeyException raced) {
            return new Created(forTrial(s.trialId()).orElseThrow(), false);
        }
        ModelRecord created = forTrial(s.trialId()).orElseThrow();
        events.publishEvent(new ModelQueuedEvent(created.id()));
        return new Created(created, true);
    }

    public Optional<ModelRecord> find(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM model WHERE id = ?", ModelJobs::record, id).stream().findFirst();
    }

    private Optional<ModelRecord> forTrial(long trialId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM model WHERE trial_id = ?", ModelJobs::record, trialId)
                .stream().findFirst();
    }

    /** Newest first, at most {@code limit}. */
    public List<ModelRecord> list(int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM model ORDER BY id DESC FETCH FIRST " + limit + " ROWS ONLY",
                ModelJobs::record);
    }

    /** A READY model's weights (ModelCodec's bytes). */
    public Optional<byte[]> weights(long id) {
        return jdbc.query("SELECT weights FROM model WHERE id = ? AND status = 'READY'",
                (rs, i) -> rs.getBytes(1), id).stream().findFirst();
    }

    /** Deletes the model whatever its status; a worker refitting it loses its lease. False when there was none. */
    @Transactional
    public boolean delete(long id) {
        return jdbc.update("DELETE FROM model WHERE id = ?", id) == 1;
    }

    /** Whether any job waits for a worker. */
    public boolean hasQueued() {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM model WHERE status = 'TRAINING' AND worker_id IS NULL",
                Integer.class);
        return n != null && n > 0;
    }

    /** Claims the oldest queued job. */
    @Transactional
    public Optional<ClaimedModel> claim(String workerId, Duration lease) {
        List<ModelRecord> rows = jdbc.query("SELECT " + COLUMNS + " FROM model WHERE status = 'TRAINING'"
                + " AND worker_id IS NULL ORDER BY id FETCH FIRST 1 ROWS ONLY FOR UPDATE SKIP LOCKED", ModelJobs::record);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        ModelRecord m = rows.get(0);
        ModelLease l = new ModelLease(m.id(), workerId, m.attempt() + 1);
        jdbc.update("UPDATE model SET worker_id = ?, attempt = ?, lease_expires_at = " + LEASE_EXPIRY
                + ", started_at = CURRENT_TIMESTAMP WHERE id = ?", workerId, l.attempt(), seconds(lease), m.id());
        return Optional.of(new ClaimedModel(l, m));
    }

    /** Extends the lease; false when it was lost (expired and requeued, deleted, or ended elsewhere). */
    @Transactional
    public boolean renew(ModelLease lease, Duration duration) {
        return jdbc.update("UPDATE model SET lease_expires_at = " + LEASE_EXPIRY + LEASE_MATCH, seconds(duration),
                lease.modelId(), lease.workerId(), lease.attempt()) == 1;
    }

    /** Ends the job READY with its weights and what the api shows of it; false when the lease was lost. */
    @Transactional
    public boolean ready(ModelLease lease, byte[] weights, Object metrics, Object featureSchema, Object classes) {
        String json = dialect.jsonParameter();
        return jdbc.update("UPDATE model SET status = 'READY', weights = ?, metrics = " + json + ", feature_schema = "
                        + json + ", classes = " + json + ", lease_expires_at = NULL, finished_at = CURRENT_TIMESTAMP"
                        + LEASE_MATCH, weights, JSON.writeValueAsString(metrics),
                JSON.writeValueAsString(featureSchema), classes == null ? null : JSON.writeValueAsString(classes),
                lease.modelId(), lease.workerId(), lease.attempt()) == 1;
    }

    /** Ends the job FAILED with the reason; false when the lease was lost. */
    @Transactional
    public boolean failed(ModelLease lease, String error) {
        return jdbc.update("UPDATE model SET status = 'FAILED', error = ?, lease_expires_at = NULL,"
                + " finished_at = CURRENT_TIMESTAMP" + LEASE_MATCH, truncate(error), lease.modelId(),
                lease.workerId(), lease.attempt()) == 1;
    }

    /** Back to the queue without spending the attempt (this process is stopping). */
    @Transactional
    public boolean release(ModelLease lease) {
        return jdbc.update("UPDATE model SET worker_id = NULL, lease_expires_at = NULL, attempt = attempt - 1"
                + LEASE_MATCH, lease.modelId(), lease.workerId(), lease.attempt()) == 1;
    }

    private record Expired(long id, int attempt, String workerId, OffsetDateTime expiredAt, String history) {
    }

    /**
     * Requeues jobs whose lease expired; those that used {@code maxAttempts} end FAILED with their attempts'
     * history. Rows locked by another transaction are skipped. Returns how many jobs changed.
     */
    @Transactional
    public int reapExpired(int maxAttempts) {
        List<Expired> expired = jdbc.query("SELECT id, attempt, worker_id, lease_expires_at, attempt_history FROM model"
                        + " WHERE status = 'TRAINING' AND lease_expires_at < CURRENT_TIMESTAMP FOR UPDATE SKIP LOCKED",
                (rs, i) -> new Expired(rs.getLong(1), rs.getInt(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class), rs.getString(5)));
        List<Object[]> requeue = new ArrayList<>();
        List<Object[]> fail = new ArrayList<>();
        for (Expired e : expired) {
            String line = "attempt " + e.attempt() + " on worker " + e.workerId() + ": lease expired"
                    + (e.expiredAt() == null ? "" : " at " + e.expiredAt().toInstant());
            String history = truncate(e.history() == null ? line : e.history() + "; " + line);
            if (e.attempt() >= maxAttempts) {
                fail.add(new Object[] {history, truncate("gave up after attempt " + e.attempt() + " of " + maxAttempts
                        + ": every attempt lost its worker (" + history + ")"), e.id(), e.attempt()});
            } else {
                requeue.add(new Object[] {history, e.id(), e.attempt()});
            }
        }
        if (!fail.isEmpty()) {
            jdbc.batchUpdate("UPDATE model SET status = 'FAILED', attempt_history = ?, error = ?, lease_expires_at = NULL,"
                    + " finished_at = CURRENT_TIMESTAMP WHERE id = ? AND attempt = ? AND status = 'TRAINING'", fail);
        }
        if (!requeue.isEmpty()) {
            jdbc.batchUpdate("UPDATE model SET worker_id = NULL, lease_expires_at = NULL, attempt_history = ?"
                    + " WHERE id = ? AND attempt = ? AND status = 'TRAINING'", requeue);
        }
        return expired.size();
    }

    /** The only process on an embedded database, starting: every leased job is an orphan. */
    @Transactional
    public int reapAllLeased(int maxAttempts) {
        jdbc.update("UPDATE model SET lease_expires_at = CURRENT_TIMESTAMP - INTERVAL '1' SECOND"
                + " WHERE status = 'TRAINING' AND worker_id IS NOT NULL");
        return reapExpired(maxAttempts);
    }

    private static ModelRecord record(ResultSet rs, int row) throws SQLException {
        return new ModelRecord(rs.getLong("id"), rs.getLong("search_id"), rs.getLong("trial_id"),
                rs.getInt("trial_number"), rs.getLong("search_seed"), rs.getString("status"),
                JSON.readValue(rs.getString("params"), TrialParams.class), rs.getString("dataset"),
                rs.getString("task"), rs.getString("metrics"), rs.getString("feature_schema"),
                rs.getString("classes"), rs.getString("worker_id"), rs.getInt("attempt"), rs.getString("error"),
                rs.getString("owner"), instant(rs, "created_at"), instant(rs, "started_at"),
                instant(rs, "finished_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
