package dev.hypersearch.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One stage of a coarse-to-fine search: the space its trials were sampled from (spec form, what
 * {@code Space.parse} reads back) and its trial numbers {@code [firstTrial, firstTrial + trialCount)}.
 */
@Entity
@Table(name = "search_stage")
@IdClass(SearchStageEntity.Key.class)
public class SearchStageEntity {

    public record Key(Long searchId, Integer stage) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "search_id")
    private Long searchId;

    @Id
    private Integer stage;

    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, Object> space;

    @Column(name = "first_trial")
    private int firstTrial;

    @Column(name = "trial_count")
    private int trialCount;

    @Column(name = "created_at")
    private Instant createdAt;

    protected SearchStageEntity() {
    }

    SearchStageEntity(long searchId, int stage, Map<String, Object> space, int firstTrial, int trialCount,
                      Instant createdAt) {
        this.searchId = searchId;
        this.stage = stage;
        this.space = space;
        this.firstTrial = firstTrial;
        this.trialCount = trialCount;
        this.createdAt = createdAt;
    }

    public long getSearchId() { return searchId; }
    public int getStage() { return stage; }
    public Map<String, Object> getSpace() { return space; }
    public int getFirstTrial() { return firstTrial; }
    public int getTrialCount() { return trialCount; }
    public Instant getCreatedAt() { return createdAt; }
}
