package dev.hypersearch.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/** One point of a trial's learning curve, written by the worker as the epoch ends. */
@Entity
@Table(name = "trial_epoch")
@IdClass(TrialEpochEntity.Key.class)
public class TrialEpochEntity {

    public record Key(Long trialId, Integer epoch) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "trial_id")
    private Long trialId;

    @Id
    private Integer epoch;

    @Column(name = "train_loss")
    private Double trainLoss;
    @Column(name = "val_loss")
    private Double valLoss;
    @Column(name = "val_accuracy")
    private Double valAccuracy;
    @Column(name = "elapsed_ms")
    private long elapsedMs;

    protected TrialEpochEntity() {
    }

    public Long getTrialId() { return trialId; }
    public Integer getEpoch() { return epoch; }
    public Double getTrainLoss() { return trainLoss; }
    public Double getValLoss() { return valLoss; }
    public Double getValAccuracy() { return valAccuracy; }
    public long getElapsedMs() { return elapsedMs; }
}
