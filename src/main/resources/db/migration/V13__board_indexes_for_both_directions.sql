-- Scale (issue 14): V11 kept one leaderboard index per column, in the direction the page first sorts it, because
-- every index on trial was written for each of the 100,000 rows a grid search submitted at once. Since V12 a trial
-- row is created at its claim, one at a time, so that cost is gone, while the other direction (one click on the
-- column's header) sorted all of a search's trials per read: 100 ms and more at 100,000 trials (valLoss descending
-- the slowest). These give every column the page offers for a classification search its other direction back.
-- Number descending: PostgreSQL reads the (search_id, number) unique constraint backwards, H2 does not (it scanned
-- and sorted all 100,000 trials of the search), so it has an index of its own. Portable SQL for H2 and PostgreSQL.
CREATE INDEX trial_board_status_desc ON trial (search_id, status DESC NULLS LAST, number);
CREATE INDEX trial_board_val_loss_desc ON trial (search_id, val_loss DESC NULLS LAST, number);
CREATE INDEX trial_board_val_accuracy_asc ON trial (search_id, val_accuracy ASC NULLS LAST, number);
CREATE INDEX trial_board_epochs_run_desc ON trial (search_id, epochs_run DESC NULLS LAST, number);
CREATE INDEX trial_board_duration_ms_desc ON trial (search_id, duration_ms DESC NULLS LAST, number);
CREATE INDEX trial_board_stage_desc ON trial (search_id, stage DESC NULLS LAST, number);
CREATE INDEX trial_board_number_desc ON trial (search_id, number DESC);
