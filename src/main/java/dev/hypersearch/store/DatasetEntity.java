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

/** An uploaded CSV data set, kept verbatim so every worker process can read it from the database. */
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

    public Long getId() { return id; }
    public String getName() { return name; }
    public String getTask() { return task; }
    public String getLabelColumn() { return labelColumn; }
    public int getRowCount() { return rowCount; }
    public int getFeatureCount() { return featureCount; }
    public Integer getClassCount() { return classCount; }
    public byte[] getContent() { return content; }
    public Instant getCreatedAt() { return createdAt; }
    public String getOwner() { return owner; }
}
