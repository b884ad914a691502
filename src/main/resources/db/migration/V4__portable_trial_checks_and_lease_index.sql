-- Two of V2's checks used status IN (...). H2 (2.4.240) compiles IN (and an OR of equalities on one column)
-- in a check into a constant set bound to the session that created the constraint; once that connection is
-- closed (the migration's, when the pool retires it, or the next process's start on the same in-memory
-- database) every later write of a trial fails with "Check constraint invalid". A searched CASE is compiled
-- per use. Rule for later migrations: no IN and no OR of equalities of one column inside a CHECK.
ALTER TABLE trial DROP CONSTRAINT trial_status_known;
ALTER TABLE trial ADD CONSTRAINT trial_status_known CHECK (CASE WHEN status = 'QUEUED' THEN TRUE
    WHEN status = 'RUNNING' THEN TRUE WHEN status = 'COMPLETED' THEN TRUE WHEN status = 'DIVERGED' THEN TRUE
    WHEN status = 'FAILED' THEN TRUE WHEN status = 'CANCELLED' THEN TRUE WHEN status = 'PRUNED' THEN TRUE
    ELSE FALSE END);
ALTER TABLE trial DROP CONSTRAINT trial_finished_has_time;
ALTER TABLE trial ADD CONSTRAINT trial_finished_has_time CHECK (finished_at IS NOT NULL
    OR CASE WHEN status = 'QUEUED' THEN TRUE WHEN status = 'RUNNING' THEN TRUE ELSE FALSE END);

-- Only running trials hold a lease (trial_lease_only_running), so the reaper's scan needs no status column;
-- and an index starting with status no longer competes with trial_claim (status, number, search_id), which
-- H2 then failed to pick for the claim.
DROP INDEX trial_lease;
CREATE INDEX trial_lease ON trial (lease_expires_at);
