-- Posterior draws of the cadence parameters a snapshot serves its intervals with (snapshot.StoredUncertainty).
-- Null for snapshots fitted before draws were stored: they serve intervals from the marks alone.
ALTER TABLE model_snapshot ADD COLUMN uncertainty_json VARCHAR(1000000);
