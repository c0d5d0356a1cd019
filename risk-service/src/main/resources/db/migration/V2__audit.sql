-- Who asked the risk-service for what: every score, score batch, scenario run and backtest leaves one row,
-- written in the same transaction as the result it describes (or on its own for results that are not stored).
create sequence audit_record_seq start with 1 increment by 50;
create table audit_record (
    id             bigint                      not null,
    recorded_at    timestamp(6) with time zone not null,
    -- score, score-batch, scenario, scenario-rerun, backtest
    action         varchar(32)                 not null,
    -- the token's subject (sub) and client (azp)
    subject        varchar(255)                not null,
    client_id      varchar(255),
    -- SHA-256 (hex) of the canonical request body, so an auditor can match a result to the inputs
    inputs_digest  varchar(64)                 not null,
    item_count     integer                     not null,
    model_version  varchar(64),
    data_version   bigint,
    snapshot_id    bigint,
    -- the stored result this row refers to, if any (a scenario or backtest id)
    resource_id    varchar(64),
    constraint pk_audit_record primary key (id)
);
create index ix_audit_record_time on audit_record (recorded_at);
