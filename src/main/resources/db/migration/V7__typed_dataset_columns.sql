-- Uploads are stored as typed columns (dataset_column), not as their text: content stays only for uploads made
-- before this version. profile is the upload's profile as JSON text (VARCHAR so that H2 and PostgreSQL bind it
-- the same way).
ALTER TABLE dataset ALTER COLUMN content DROP NOT NULL;
ALTER TABLE dataset ADD COLUMN profile VARCHAR(10000000);

-- One row per stored column (the features and the label, not ignored columns): deflated bytes of
-- dev.hypersearch.data.ingest.ColumnCodec.
CREATE TABLE dataset_column (
    dataset_id BIGINT       NOT NULL REFERENCES dataset (id) ON DELETE CASCADE,
    position   INTEGER      NOT NULL,
    name       VARCHAR(200) NOT NULL,
    role       VARCHAR(10)  NOT NULL,
    content    BYTEA        NOT NULL,
    PRIMARY KEY (dataset_id, position)
);
