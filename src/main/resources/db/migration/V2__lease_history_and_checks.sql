-- Scale-out: the history of lost attempts, and checks that let the database itself refuse a trial row
-- in an impossible state (whatever process writes it).

-- One line per attempt whose worker stopped renewing its lease, appended by the reaper; a trial that
-- runs out of attempts ends FAILED with this history in its error.
ALTER TABLE trial ADD COLUMN attempt_history VARCHAR(4000);

ALTER TABLE trial ADD CONSTRAINT trial_status_known CHECK (status IN
    ('QUEUED', 'RUNNING', 'COMPLETED', 'DIVERGED', 'FAILED', 'CANCELLED', 'PRUNED'));
-- A running trial is held by exactly one lease (worker id + attempt + expiry); no other trial has a lease.
ALTER TABLE trial ADD CONSTRAINT trial_running_has_lease CHECK (status <> 'RUNNING'
    OR (worker_id IS NOT NULL AND lease_expires_at IS NOT NULL AND attempt > 0));
ALTER TABLE trial ADD CONSTRAINT trial_lease_only_running CHECK (status = 'RUNNING' OR lease_expires_at IS NULL);
-- A result is written once, by the attempt that held the lease, and finished trials say when they ended.
ALTER TABLE trial ADD CONSTRAINT trial_completed_by_an_attempt CHECK (status <> 'COMPLETED'
    OR (attempt > 0 AND worker_id IS NOT NULL AND finished_at IS NOT NULL));
ALTER TABLE trial ADD CONSTRAINT trial_finished_has_time CHECK (status IN ('QUEUED', 'RUNNING')
    OR finished_at IS NOT NULL);
ALTER TABLE trial ADD CONSTRAINT trial_attempt_not_negative CHECK (attempt >= 0);
