package dev.hypersearch.store;

import dev.hypersearch.search.TrialParams;
import dev.hypersearch.search.TrialStatus;
import dev.hypersearch.search.pruning.PruneDecision;
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
    private TrialParams params;

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
    @Column(name = "val_rmse")
    private Double valRmse;
    @Column(name = "val_mae")
    private Double valMae;
    @Column(name = "val_r2")
    private Double valR2;
    @Column(name = "val_f1")
    private Double valF1;
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
    /** Coarse-to-fine stage (from 1); null for single-stage strategies. */
    private Integer stage;
    @Column(name = "prune_rule")
    private String pruneRule;
    @Column(name = "prune_epoch")
    private Integer pruneEpoch;
    @Column(name = "prune_rung")
    private Integer pruneRung;
    @Column(name = "prune_value")
    private Double pruneValue;
    @Column(name = "prune_threshold")
    private Double pruneThreshold;
    @Column(name = "cv_folds")
    private Integer cvFolds;
    @Column(name = "cv_val_loss_std")
    private Double cvValLossStd;
    @Column(name = "cv_val_accuracy_std")
    private Double cvValAccuracyStd;
    /** What a TPE trial's parameters were computed from; null for other strategies and start-up trials. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "suggestion_basis")
    private SuggestionBasis suggestionBasis;

    protected TrialEntity() {
    }

    public TrialEntity(long searchId, int number, Integer stage, TrialParams params, Instant queuedAt) {
        this.searchId = searchId;
        this.number = number;
        this.stage = stage;
        this.params = params;
        this.queuedAt = queuedAt;
        this.status = TrialStatus.QUEUED;
    }

    public Long getId() { return id; }
    public long getSearchId() { return searchId; }
    public int getNumber() { return number; }
    /** Null while a TPE trial's parameters are not decided yet (until a worker claims it). */
    public TrialParams getParams() { return params; }
    public SuggestionBasis getSuggestionBasis() { return suggestionBasis; }
    public TrialStatus getStatus() { return status; }
    public Double getValLoss() { return valLoss; }
    public Double getBestValLoss() { return bestValLoss; }
    public Integer getBestEpoch() { return bestEpoch; }
    public Double getValAccuracy() { return valAccuracy; }
    public Double getValRmse() { return valRmse; }
    public Double getValMae() { return valMae; }
    public Double getValR2() { return valR2; }
    public Double getValF1() { return valF1; }
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
    public Integer getStage() { return stage; }
    /** The pruner's decision that stopped a PRUNED trial (its reason is the trial's error); null otherwise. */
    public PruneDecision getPruning() {
        return pruneRule == null ? null : new PruneDecision(true, pruneRule, pruneEpoch, pruneRung,
                pruneValue == null ? Double.NaN : pruneValue, pruneThreshold == null ? Double.NaN : pruneThreshold,
                error);
    }

    /** The pruner's rule ("median", "asha") for a PRUNED trial; null otherwise. */
    public String getPruneRule() { return pruneRule; }
    public Integer getPruneEpoch() { return pruneEpoch; }
    public Integer getPruneRung() { return pruneRung; }
    public Double getPruneValue() { return pruneValue; }
    public Double getPruneThreshold() { return pruneThreshold; }
    /** k for a cross-validated trial (val loss and accuracy are then the means over folds); null for a holdout. */
    public Integer getCvFolds() { return cvFolds; }
    public Double getCvValLossStd() { return cvValLossStd; }
    public Double getCvValAccuracyStd() { return cvValAccuracyStd; }
}
