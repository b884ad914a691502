-- Preprocessing (issue 10): the pipeline fitted on a search's training rows depends on the data set, the split
-- seed and the fold, not on a trial's hyperparameters, so it is stored once per search and fold (fold 0 for a
-- holdout), by the first worker that fits it. A model made from any of the search's trials applies exactly this
-- transform. pipeline: the fitted steps as JSON (store.PipelineJson). Portable SQL for H2 and PostgreSQL.
CREATE TABLE search_pipeline (
    search_id BIGINT  NOT NULL REFERENCES search (id) ON DELETE CASCADE,
    fold      INTEGER NOT NULL,
    width     INTEGER NOT NULL,
    pipeline  ${json} NOT NULL,
    PRIMARY KEY (search_id, fold)
);

-- A trial's final scores beyond loss and accuracy (means over folds when cross-validated): for regression RMSE,
-- MAE and R² in the target's own units (trials train on standardized targets), for classification macro-F1.
-- NULL where a score does not apply or the trial was not trained.
ALTER TABLE trial ADD COLUMN val_rmse DOUBLE PRECISION;
ALTER TABLE trial ADD COLUMN val_mae DOUBLE PRECISION;
ALTER TABLE trial ADD COLUMN val_r2 DOUBLE PRECISION;
ALTER TABLE trial ADD COLUMN val_f1 DOUBLE PRECISION;
