-- Scale (issue 14): the leaderboard of a regression search offers R², RMSE and MAE, and a classification search's
-- offers macro-F1 beside accuracy (LeaderboardQuery.SORT_KEYS), but V10, V11 and V13 indexed only the columns of a
-- classification search, so a page sorted by one of these read and sorted all of the search's trials (100,000 in
-- a large grid). One index per column and direction, nulls last, ties by number, as the others; H2 is told which
-- to read by name (store.LeaderboardPages). Portable SQL for H2 and PostgreSQL.
CREATE INDEX trial_board_val_r2_asc ON trial (search_id, val_r2 ASC NULLS LAST, number);
CREATE INDEX trial_board_val_r2_desc ON trial (search_id, val_r2 DESC NULLS LAST, number);
CREATE INDEX trial_board_val_rmse_asc ON trial (search_id, val_rmse ASC NULLS LAST, number);
CREATE INDEX trial_board_val_rmse_desc ON trial (search_id, val_rmse DESC NULLS LAST, number);
CREATE INDEX trial_board_val_mae_asc ON trial (search_id, val_mae ASC NULLS LAST, number);
CREATE INDEX trial_board_val_mae_desc ON trial (search_id, val_mae DESC NULLS LAST, number);
CREATE INDEX trial_board_val_f1_asc ON trial (search_id, val_f1 ASC NULLS LAST, number);
CREATE INDEX trial_board_val_f1_desc ON trial (search_id, val_f1 DESC NULLS LAST, number);
