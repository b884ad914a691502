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
