-- What-if scenarios and their re-runs. Portable between PostgreSQL and H2 (MODE=PostgreSQL), as V1: no vendor
-- types, JSON documents as bounded varchar text, ids from sequences.

-- A saved scenario: its owner, its normalised inputs (seed included), the snapshot it ran on with the model,
-- code and data versions, and its result.
create sequence scenario_seq start with 1 increment by 50;
create table scenario (
    id               bigint                      not null,
    created_at       timestamp(6) with time zone not null,
    owner_subject    varchar(255)                not null,
    owner_client     varchar(255),
    name             varchar(200),
    start_date       date                        not null,
    horizon_days     integer                     not null,
    paths            integer                     not null,
    seed             bigint                      not null,
    snapshot_id      bigint                      not null,
    model_version    varchar(64)                 not null,
    code_version     varchar(64)                 not null,
    data_version     bigint                      not null,
    -- SHA-256 (hex) of the canonical inputs and of the result document
    inputs_digest    varchar(64)                 not null,
    result_digest    varchar(64)                 not null,
    duration_ms      bigint                      not null,
    inputs_json      varchar(100000)             not null,
    result_json      varchar(4000000)            not null,
    constraint pk_scenario primary key (id),
    constraint ck_scenario_paths check (paths > 0),
    constraint ck_scenario_horizon check (horizon_days > 0)
);
create index ix_scenario_created on scenario (created_at);

-- Every re-run of a saved scenario: who, when, on which snapshot and code, and whether the result was identical.
create sequence scenario_run_seq start with 1 increment by 50;
create table scenario_run (
    id             bigint                      not null,
    scenario_id    bigint                      not null,
    ran_at         timestamp(6) with time zone not null,
    subject        varchar(255)                not null,
    client_id      varchar(255),
    snapshot_id    bigint                      not null,
    code_version   varchar(64)                 not null,
    result_digest  varchar(64)                 not null,
    identical      boolean                     not null,
    duration_ms    bigint                      not null,
    constraint pk_scenario_run primary key (id),
    constraint fk_scenario_run_scenario foreign key (scenario_id) references scenario (id)
);
create index ix_scenario_run_scenario on scenario_run (scenario_id, ran_at);
