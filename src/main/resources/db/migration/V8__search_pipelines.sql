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
