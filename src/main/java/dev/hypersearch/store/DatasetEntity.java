package dev.hypersearch.store;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An uploaded data set: its typed columns are in dataset_column ({@link DatasetColumns}); uploads made before those
 * kept their CSV text in {@code content}.
 */
@Entity
@Table(name = "dataset")
public class DatasetEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;
    private String task;
    @Column(name = "label_column")
    private String labelColumn;
    @Column(name = "row_count")
    private int rowCount;
    @Column(name = "feature_count")
    private int featureCount;
    @Column(name = "class_count")
    private Integer classCount;

    @Basic(fetch = FetchType.LAZY)
    private byte[] content;

    @Column(name = "created_at")
    private Instant createdAt;

    /** The upload's profile as JSON; null for uploads stored as text before typed columns. */
    private String profile;
    /** The name of the token that uploaded it; null with security off or before V6. */
    private String owner;

    protected DatasetEntity() {
    }

    public DatasetEntity(String name, String task, String labelColumn, int rowCount, int featureCount,
                         Integer classCount, byte[] content, Instant createdAt, String owner) {
        this.owner = owner;
        this.name = name;
        this.task = task;
        this.labelColumn = labelColumn;
        this.rowCount = rowCount;
        this.featureCount = featureCount;
        this.classCount = classCount;
        this.content = content;
        this.createdAt = createdAt;
    }

    /** An upload stored as typed columns (dataset_column) with its profile. */
    public DatasetEntity(String name, String task, String labelColumn, int rowCount, int featureCount,
                         Integer classCount, String profile, Instant createdAt, String owner) {
        this(name, task, labelColumn, rowCount, featureCount, classCount, (byte[]) null, createdAt, owner);
        this.profile = profile;
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public String getTask() { return task; }
    public String getLabelColumn() { return labelColumn; }
    public int getRowCount() { return rowCount; }
    public int getFeatureCount() { return featureCount; }
    public Integer getClassCount() { return classCount; }
    public byte[] getContent() { return content; }
    public Instant getCreatedAt() { return createdAt; }
    public String getProfile() { return profile; }
    public String getOwner() { return owner; }
}
