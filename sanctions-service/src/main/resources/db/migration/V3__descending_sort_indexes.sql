-- The incident list sorts descending by a value but ascending by key (-firstActionDate, -attemptedUsd,
-- -realisedUsd). These indexes hold exactly that order, so the first page and every cursor page after it are
-- read in index order from their starting point instead of sorting or skipping rows. Descending columns keep
-- nulls first, as ORDER BY ... DESC does (PostgreSQL; H2 with DEFAULT_NULL_ORDERING=HIGH).
create index ix_incident_first_action_desc on incident (first_action_date desc, incident_key);
create index ix_incident_attempted_desc on incident (attempted_usd desc, incident_key);
create index ix_incident_realised_desc on incident (realised_usd desc, incident_key);
