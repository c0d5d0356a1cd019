-- Schema of the risk-service. Portable between PostgreSQL and H2 (MODE=PostgreSQL): no vendor types, JSON
-- documents as bounded varchar text, ids from sequences.

-- A fitted model: parameters and headline diagnostics as columns, the full detail as JSON documents.
create sequence model_snapshot_seq start with 1 increment by 50;
create table model_snapshot (
    id                 bigint                      not null,
    created_at         timestamp(6) with time zone not null,
    model_version      varchar(64)                 not null,
    code_version       varchar(64)                 not null,
    data_version       bigint                      not null,
    data_last_modified timestamp(6) with time zone,
    input_digest       varchar(64)                 not null,
    fit_trigger        varchar(32)                 not null,
    requested_by       varchar(255),
    -- set when the same inputs were fitted before under another data version and the results were copied
    reused_from        bigint,
    fit_duration_ms    bigint                      not null,
    window_start       date                        not null,
    window_end         date                        not null,
    event_count        integer                     not null,
    sanction_count     integer                     not null,
    kernel_shape       integer                     not null,
    mu                 double precision            not null,
    kappa              double precision            not null,
    alpha              double precision            not null,
    beta               double precision            not null,
    delta              double precision            not null,
    log_likelihood     double precision            not null,
    aic                double precision            not null,
    converged          boolean                     not null,
    hit_time_budget    boolean                     not null,
    estimates_json     varchar(1000000)            not null,
    diagnostics_json   varchar(1000000)            not null,
    marks_json         varchar(1000000)            not null,
    dataset_json       varchar(1000000)            not null,
    constraint pk_model_snapshot primary key (id),
    constraint ck_model_snapshot_shape check (kernel_shape between 1 and 3)
);
-- refits are serialised by the lease below, not by a unique key: restored sanctions data may bring back an
-- older data version, whose snapshot must then become the latest again
create index ix_model_snapshot_inputs on model_snapshot (model_version, input_digest);

-- One row: who is refitting right now. A replica takes the lease with a conditional update, so refits are
-- serialised across replicas; an expired lease (its holder died) can be taken over.
create table refit_lease (
    id          integer                     not null,
    holder      varchar(255),
    acquired_at timestamp(6) with time zone,
    expires_at  timestamp(6) with time zone,
    constraint pk_refit_lease primary key (id),
    constraint ck_refit_lease_singleton check (id = 1)
);
insert into refit_lease (id, holder, acquired_at, expires_at) values (1, null, null, null);

-- One row: what the last contact with the sanctions-service found, shared by all replicas.
create table sync_status (
    id                    integer                     not null,
    last_attempt_at       timestamp(6) with time zone,
    last_success_at       timestamp(6) with time zone,
    latest_data_version   bigint,
    last_error            varchar(1000),
    last_error_at         timestamp(6) with time zone,
    constraint pk_sync_status primary key (id),
    constraint ck_sync_status_singleton check (id = 1)
);
insert into sync_status (id) values (1);
