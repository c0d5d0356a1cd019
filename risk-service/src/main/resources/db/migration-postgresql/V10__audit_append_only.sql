-- The audit trail is append-only for the application's database user. The service connects as the owner of its
-- tables, and an owner is not bound by grants, so a trigger refuses every UPDATE, DELETE and TRUNCATE of audit_record
-- whoever runs it; only INSERT and SELECT remain. (A migration, run by the owner, is the only way to change this:
-- SECURITY.md, "Audit".) H2, the local profile's database, gets the column only: db/migration-h2.
--
-- What a refit or an inline fit ended with (created, reused, unchanged, fitted, invalid, busy, unavailable, ...);
-- null on the rows of scores, scenarios and backtests written before this column existed.
alter table audit_record add column outcome varchar(32);

create function audit_record_append_only() returns trigger
    language plpgsql
as $$
begin
    raise exception 'audit_record is append-only: % refused', tg_op
        using errcode = 'insufficient_privilege';
end
$$;

create trigger audit_record_no_update_or_delete
    before update or delete on audit_record
    for each row execute function audit_record_append_only();

create trigger audit_record_no_truncate
    before truncate on audit_record
    for each statement execute function audit_record_append_only();

revoke update, delete, truncate on audit_record from public;
