-- Scale (issue 14): trial counts per search and status kept with every change of a trial's status (in its
-- transaction), so summaries never group a search's trials per request; indexes for the leaderboard's sorts
-- and for the catch-up read of trials finished since a time. Portable SQL for H2 and PostgreSQL.
CREATE TABLE search_trial_count (
    search_id BIGINT      NOT NULL REFERENCES search (id),
    status    VARCHAR(20) NOT NULL,
    n         BIGINT      NOT NULL,
    CONSTRAINT search_trial_count_pk PRIMARY KEY (search_id, status)
);
INSERT INTO search_trial_count (search_id, status, n)
SELECT s.id, st.status, (SELECT COUNT(*) FROM trial t WHERE t.search_id = s.id AND t.status = st.status)
FROM search s CROSS JOIN (VALUES ('QUEUED'), ('RUNNING'), ('COMPLETED'), ('DIVERGED'), ('FAILED'), ('CANCELLED'),
    ('PRUNED')) AS st (status);

-- An api process catches up on trials finished (by any process) since it last listened.
CREATE INDEX trial_finished_at ON trial (finished_at);

-- The leaderboard: every sort the UI offers (LeaderboardQuery: nulls last in both directions, ties by number),
-- one index per key and direction, so a page is read in index order and the sort stops after the page instead
-- of sorting all of a search's trials. The (search_id, key) indexes of V1 are covered by these. H2 is told which
-- to read (store.LeaderboardPages), so each has a name that says its key and direction.
DROP INDEX trial_board_status;
DROP INDEX trial_board_best_val_loss;
DROP INDEX trial_board_val_loss;
DROP INDEX trial_board_val_accuracy;
DROP INDEX trial_board_duration;
CREATE INDEX trial_board_status_asc ON trial (search_id, status ASC NULLS LAST, number);
CREATE INDEX trial_board_status_desc ON trial (search_id, status DESC NULLS LAST, number);
CREATE INDEX trial_board_val_loss_asc ON trial (search_id, val_loss ASC NULLS LAST, number);
CREATE INDEX trial_board_val_loss_desc ON trial (search_id, val_loss DESC NULLS LAST, number);
CREATE INDEX trial_board_best_val_loss_asc ON trial (search_id, best_val_loss ASC NULLS LAST, number);
CREATE INDEX trial_board_best_val_loss_desc ON trial (search_id, best_val_loss DESC NULLS LAST, number);
CREATE INDEX trial_board_val_accuracy_asc ON trial (search_id, val_accuracy ASC NULLS LAST, number);
CREATE INDEX trial_board_val_accuracy_desc ON trial (search_id, val_accuracy DESC NULLS LAST, number);
CREATE INDEX trial_board_train_loss_asc ON trial (search_id, train_loss ASC NULLS LAST, number);
CREATE INDEX trial_board_train_loss_desc ON trial (search_id, train_loss DESC NULLS LAST, number);
CREATE INDEX trial_board_epochs_run_asc ON trial (search_id, epochs_run ASC NULLS LAST, number);
CREATE INDEX trial_board_epochs_run_desc ON trial (search_id, epochs_run DESC NULLS LAST, number);
CREATE INDEX trial_board_duration_ms_asc ON trial (search_id, duration_ms ASC NULLS LAST, number);
CREATE INDEX trial_board_duration_ms_desc ON trial (search_id, duration_ms DESC NULLS LAST, number);
CREATE INDEX trial_board_stage_asc ON trial (search_id, stage ASC NULLS LAST, number);
CREATE INDEX trial_board_stage_desc ON trial (search_id, stage DESC NULLS LAST, number);
CREATE INDEX trial_board_number_asc ON trial (search_id, number);
CREATE INDEX trial_board_number_desc ON trial (search_id, number DESC);
