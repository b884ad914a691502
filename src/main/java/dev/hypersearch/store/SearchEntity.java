package dev.hypersearch.store;

import dev.hypersearch.search.SearchSpec;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A submitted search: its spec as stored (JSON, for display and replay; read back typed by {@link #searchSpec})
 * plus the columns the list view filters and sorts by.
 */
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

    /** The spec as submitted, seed and defaults filled in; JSON-shaped plain values. */
    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, Object> spec;

    /** {@link #spec} parsed, once per loaded entity. */
    @Transient
    private SearchSpec parsed;

    private long seed;

    @Column(name = "trial_count")
    private int trialCount;

    @Column(name = "max_failed_trials")
    private Integer maxFailedTrials;

    @Column(name = "best_trial_id")
    private Long bestTrialId;

    private String message;

    /** The name of the token that created it (issue 15); null when made with security off or before V6. */
    private String owner;

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

    /**
     * @param spec   the validated spec
     * @param stored its stored form, which {@link SearchSpec#fromStored} reads back to {@code spec}
     */
    public SearchEntity(SearchSpec spec, Map<String, Object> stored, int trialCount, Instant createdAt) {
        this.name = spec.name();
        this.dataset = spec.dataset();
        this.strategy = spec.strategy().wireName();
        this.spec = stored;
        this.parsed = spec;
        this.seed = spec.seed();
        this.trialCount = trialCount;
        this.maxFailedTrials = spec.maxFailedTrials();
        this.createdAt = createdAt;
        this.status = SearchStatus.RUNNING;
    }

    /** Records who creates it, before it is saved. */
    public SearchEntity ownedBy(String ownerName) {
        this.owner = ownerName;
        return this;
    }

    public String getOwner() {
        return owner;
    }

    /** Records the sanity check's report before the search is saved. */
    public SearchEntity withSanityCheck(Map<String, Object> report) {
        this.sanityCheck = report;
        return this;
    }

    /** Marks a not yet saved search as waiting for its sanity check, which a worker runs before any trial. */
    void awaitSanityCheck() {
        this.status = SearchStatus.CHECKING;
    }


    public Long getId() { return id; }
    public String getName() { return name; }
    public String getDataset() { return dataset; }
    public String getStrategy() { return strategy; }
    public SearchStatus getStatus() { return status; }
    /** The spec as stored, for display and replay only: read it through {@link #searchSpec}. */
    public Map<String, Object> getStoredSpec() { return spec; }

    /** The typed spec, parsed from its stored form without today's limits (a stored search keeps running). */
    public SearchSpec searchSpec() {
        if (parsed == null) {
            parsed = SearchSpec.fromStored(spec);
        }
        return parsed;
    }
    public long getSeed() { return seed; }
    public int getTrialCount() { return trialCount; }
    public Integer getMaxFailedTrials() { return maxFailedTrials; }
    public Long getBestTrialId() { return bestTrialId; }
    public String getMessage() { return message; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getFinishedAt() { return finishedAt; }
    public Map<String, Object> getSanityCheck() { return sanityCheck; }
}
