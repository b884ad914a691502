-- Scale (issue 14): a grid or random trial's parameters are a function of (spec, number), so a search is stored
-- with how many trials it plans and no trial rows; a worker's claim creates the next one (store.PlannedTrials).
-- planned_trials: trials numbered 0 .. planned_trials - 1 may exist (the whole budget; a coarse-to-fine search's
-- stages so far). next_number: the number the next created trial gets; those below it exist as rows. A claim
-- raises next_number by one under the search row's lock, so every number is created once (and the unique
-- (search_id, number) constraint refuses a second row). Cancelling lowers planned_trials to next_number.
-- Searches stored before this version have a row for every planned trial. Portable SQL for H2 and PostgreSQL.
ALTER TABLE search ADD COLUMN next_number INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE search ADD COLUMN planned_trials INTEGER DEFAULT 0 NOT NULL;
UPDATE search SET next_number = (SELECT COALESCE(MAX(t.number) + 1, 0) FROM trial t
    WHERE t.search_id = search.id AND t.number >= 0);
UPDATE search SET planned_trials = next_number;
ALTER TABLE search ADD CONSTRAINT search_next_number_planned CHECK (next_number >= 0
    AND next_number <= planned_trials);
-- The claim's look for the running search with the lowest next number (round-robin between searches).
CREATE INDEX search_claim ON search (status, next_number, id);
