package dev.hypersearch.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A submitted search: its spec as JSON plus the columns the list view filters and sorts by. */
@Entity
@Table(name = "search")
public class SearchEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;
    private String dataset;
    private String strategy;

    @Enumerated(EnumType.STRING)
    private SearchStatus status;

    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, Object> spec;

    private long seed;

    @Column(name = "trial_count")
    private int trialCount;

    @Column(name = "max_failed_trials")
    private Integer maxFailedTrials;

    @Column(name = "best_trial_id")
    private Long bestTrialId;

    private String message;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    /** The sanity check's report (JSON-shaped), when the spec asked for one. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "sanity_check")
    private Map<String, Object> sanityCheck;

    protected SearchEntity() {
    }

    public SearchEntity(String name, String dataset, String strategy, Map<String, Object> spec, long seed,
                        int trialCount, Integer maxFailedTrials, Instant createdAt) {
        this.name = name;
        this.dataset = dataset;
        this.strategy = strategy;
        this.spec = spec;
        this.seed = seed;
        this.trialCount = trialCount;
        this.maxFailedTrials = maxFailedTrials;
        this.createdAt = createdAt;
        this.status = SearchStatus.RUNNING;
    }

    /** Records the sanity check's report before the search is saved. */
    public SearchEntity withSanityCheck(Map<String, Object> report) {
        this.sanityCheck = report;
        return this;
    }

    /** Marks a not yet saved search as failed before any trial exists (a failed sanity check). */
    void failBeforeStart(String message, Instant at) {
        this.status = SearchStatus.FAILED;
        this.message = message;
        this.finishedAt = at;
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public String getDataset() { return dataset; }
    public String getStrategy() { return strategy; }
    public SearchStatus getStatus() { return status; }
    public Map<String, Object> getSpec() { return spec; }
    public long getSeed() { return seed; }
    public int getTrialCount() { return trialCount; }
    public Integer getMaxFailedTrials() { return maxFailedTrials; }
    public Long getBestTrialId() { return bestTrialId; }
    public String getMessage() { return message; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getFinishedAt() { return finishedAt; }
    public Map<String, Object> getSanityCheck() { return sanityCheck; }
}
