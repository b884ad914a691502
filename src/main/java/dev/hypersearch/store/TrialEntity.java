package dev.hypersearch.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One trial row. Read through JPA; every state change after creation goes through {@link TrialQueue},
 * whose conditional updates enforce the lease (worker id + attempt).
 */
@Entity
@Table(name = "trial")
public class TrialEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "trial_seq")
    @SequenceGenerator(name = "trial_seq", sequenceName = "trial_seq", allocationSize = 50)
    private Long id;

    @Column(name = "search_id")
    private long searchId;

    private int number;

    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, Object> params;

    @Enumerated(EnumType.STRING)
    private TrialStatus status;

    @Column(name = "val_loss")
    private Double valLoss;
    @Column(name = "best_val_loss")
    private Double bestValLoss;
    @Column(name = "best_epoch")
    private Integer bestEpoch;
    @Column(name = "val_accuracy")
    private Double valAccuracy;
    @Column(name = "train_loss")
    private Double trainLoss;
    @Column(name = "epochs_run")
    private Integer epochsRun;
    @Column(name = "duration_ms")
    private Long durationMs;
    @Column(name = "worker_id")
    private String workerId;
    private int attempt;
    @Column(name = "lease_expires_at")
    private Instant leaseExpiresAt;
    private String error;
    /** Attempts that lost their worker (lease expired), one per line "attempt n on worker w: ...", "; "-separated. */
    @Column(name = "attempt_history")
    private String attemptHistory;
    @Column(name = "queued_at")
    private Instant queuedAt;
    @Column(name = "started_at")
    private Instant startedAt;
    @Column(name = "finished_at")
    private Instant finishedAt;

    protected TrialEntity() {
    }

    public TrialEntity(long searchId, int number, Map<String, Object> params, Instant queuedAt) {
        this.searchId = searchId;
        this.number = number;
        this.params = params;
        this.queuedAt = queuedAt;
        this.status = TrialStatus.QUEUED;
    }

    public Long getId() { return id; }
    public long getSearchId() { return searchId; }
    public int getNumber() { return number; }
    public Map<String, Object> getParams() { return params; }
    public TrialStatus getStatus() { return status; }
    public Double getValLoss() { return valLoss; }
    public Double getBestValLoss() { return bestValLoss; }
    public Integer getBestEpoch() { return bestEpoch; }
    public Double getValAccuracy() { return valAccuracy; }
    public Double getTrainLoss() { return trainLoss; }
    public Integer getEpochsRun() { return epochsRun; }
    public Long getDurationMs() { return durationMs; }
    public String getWorkerId() { return workerId; }
    public int getAttempt() { return attempt; }
    public Instant getLeaseExpiresAt() { return leaseExpiresAt; }
    public String getError() { return error; }
    public String getAttemptHistory() { return attemptHistory; }
    public Instant getQueuedAt() { return queuedAt; }
    public Instant getStartedAt() { return startedAt; }
    public Instant getFinishedAt() { return finishedAt; }
}
