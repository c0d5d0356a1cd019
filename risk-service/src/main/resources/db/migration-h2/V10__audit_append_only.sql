-- H2 (the local profile) gets the outcome column of db/migration-postgresql/V10 only; the append-only trigger is
-- PostgreSQL's (PL/pgSQL), and the local profile is a single-user demonstration database.
alter table audit_record add column outcome varchar(32);
