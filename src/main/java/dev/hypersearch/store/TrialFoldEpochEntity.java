package dev.hypersearch.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/** One point of one fold's learning curve in a cross-validated trial, written with the trial's result. */
@Entity
@Table(name = "trial_fold_epoch")
@IdClass(TrialFoldEpochEntity.Key.class)
public class TrialFoldEpochEntity {

    public record Key(Long trialId, Integer fold, Integer epoch) implements Serializable {
        public Key() {
            this(null, null, null);
        }
    }

    @Id
    @Column(name = "trial_id")
    private Long trialId;

    @Id
    private Integer fold;

    @Id
    private Integer epoch;

    @Column(name = "train_loss")
    private Double trainLoss;
    @Column(name = "val_loss")
    private Double valLoss;
    @Column(name = "val_accuracy")
    private Double valAccuracy;

    protected TrialFoldEpochEntity() {
    }

    public Long getTrialId() { return trialId; }
    /** 0-based, in the order of the search's k-fold split. */
    public Integer getFold() { return fold; }
    public Integer getEpoch() { return epoch; }
    public Double getTrainLoss() { return trainLoss; }
    public Double getValLoss() { return valLoss; }
    public Double getValAccuracy() { return valAccuracy; }
}
