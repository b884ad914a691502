-- Scale (issue 14): every index on trial is written for each of the rows a grid search submits (100,000 at once).
-- V10 kept one leaderboard index per key and direction (18); a search page opens in each column's natural
-- direction (losses, times and counts ascending, accuracy descending), and flipping a column is rare, so only
-- that direction keeps an index; the other is read by a scan and sort of the search's trials (still correct).
-- Number's order is served by the (search_id, number) unique constraint; trial_stage by trial_board_stage_asc.
DROP INDEX trial_board_status_desc;
DROP INDEX trial_board_val_loss_desc;
DROP INDEX trial_board_best_val_loss_desc;
DROP INDEX trial_board_val_accuracy_asc;
DROP INDEX trial_board_train_loss_desc;
DROP INDEX trial_board_epochs_run_desc;
DROP INDEX trial_board_duration_ms_desc;
DROP INDEX trial_board_stage_desc;
DROP INDEX trial_board_number_asc;
DROP INDEX trial_board_number_desc;
DROP INDEX trial_stage;
