-- TPE (issue 13): a model-based trial's parameters are decided when a worker claims it, from the search's trials
-- finished (and running) at that moment. Until then its params are NULL; suggestion_basis records what the
-- suggestion was computed from, {"basedOn": [finished trial ids], "running": [running trial ids]}, so it can be
-- explained and replayed from the database. Portable SQL for H2 and PostgreSQL; ${json} as in V1.
ALTER TABLE trial ALTER COLUMN params DROP NOT NULL;
ALTER TABLE trial ADD COLUMN suggestion_basis ${json};
-- A recorded basis always comes with the parameters it produced (written together, under the lease).
ALTER TABLE trial ADD CONSTRAINT trial_basis_has_params CHECK (suggestion_basis IS NULL OR params IS NOT NULL);
