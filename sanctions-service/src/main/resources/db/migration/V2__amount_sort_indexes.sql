-- The incident list sorts by attempted or realised amount; these keep the sort off a full-table scan.
create index ix_incident_realised on incident (realised_usd, incident_key);
create index ix_incident_attempted on incident (attempted_usd, incident_key);
