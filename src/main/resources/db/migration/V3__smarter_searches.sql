-- Smarter searches (issue 6): pruning, k-fold cross-validation, coarse-to-fine stages, the sanity check.
-- Portable SQL for H2 and PostgreSQL; ${json} is JSON / JSONB as in V1.

-- Coarse-to-fine: the stage a trial belongs to (NULL for single-stage strategies) and each stage's space,
-- written with the stage's trials in one transaction. trial_count is the stage's, the search's is the budget.
ALTER TABLE trial ADD COLUMN stage INTEGER;
CREATE TABLE search_stage (
    search_id   BIGINT  NOT NULL REFERENCES search (id),
    stage       INTEGER NOT NULL,
    space       ${json} NOT NULL,
    first_trial INTEGER NOT NULL,
    trial_count INTEGER NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT search_stage_pk PRIMARY KEY (search_id, stage),
    CONSTRAINT search_stage_positive CHECK (stage >= 1 AND first_trial >= 0 AND trial_count >= 1)
);
-- "Has this stage ended?" and "its completed trials", asked when one of its trials ends.
CREATE INDEX trial_stage ON trial (search_id, stage, status);

-- Pruning: where a PRUNED trial stopped and what it was compared with (the reason in words is in error).
ALTER TABLE trial ADD COLUMN prune_rule VARCHAR(20);
ALTER TABLE trial ADD COLUMN prune_epoch INTEGER;
ALTER TABLE trial ADD COLUMN prune_rung INTEGER;
ALTER TABLE trial ADD COLUMN prune_value DOUBLE PRECISION;
ALTER TABLE trial ADD COLUMN prune_threshold DOUBLE PRECISION;
ALTER TABLE trial ADD CONSTRAINT trial_pruning_only_when_pruned CHECK (prune_rule IS NULL OR status = 'PRUNED');
-- Pruners read other trials' curves by epoch within a search; the join enters trial_epoch by its key
-- (trial_id, epoch), so the peer queries need no further index.

-- Cross-validation: k and the spread over folds (val_loss / val_accuracy hold the means), and each fold's
-- curve, written with the result (trial_epoch holds the mean curve, epoch by epoch).
ALTER TABLE trial ADD COLUMN cv_folds INTEGER;
ALTER TABLE trial ADD COLUMN cv_val_loss_std DOUBLE PRECISION;
ALTER TABLE trial ADD COLUMN cv_val_accuracy_std DOUBLE PRECISION;
CREATE TABLE trial_fold_epoch (
    trial_id     BIGINT  NOT NULL REFERENCES trial (id),
    fold         INTEGER NOT NULL,
    epoch        INTEGER NOT NULL,
    train_loss   DOUBLE PRECISION,
    val_loss     DOUBLE PRECISION,
    val_accuracy DOUBLE PRECISION,
    CONSTRAINT trial_fold_epoch_pk PRIMARY KEY (trial_id, fold, epoch)
);

-- The sanity check's report (passed or not, with its numbers); NULL when the spec did not ask for one.
ALTER TABLE search ADD COLUMN sanity_check ${json};
