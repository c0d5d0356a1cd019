-- Rolling-origin backtests of the serving model. Portable between PostgreSQL and H2 (MODE=PostgreSQL), as V1.
create sequence backtest_seq start with 1 increment by 50;
create table backtest (
    id                bigint                      not null,
    created_at        timestamp(6) with time zone not null,
    owner_subject     varchar(255)                not null,
    owner_client      varchar(255),
    snapshot_id       bigint                      not null,
    model_version     varchar(64)                 not null,
    code_version      varchar(64)                 not null,
    data_version      bigint                      not null,
    origin_count      integer                     not null,
    window_days       integer                     not null,
    -- out-of-sample log-likelihood per heist of the full model and of the two baselines (null: no heist scored)
    full_ll_per_event    double precision,
    hawkes_ll_per_event  double precision,
    poisson_ll_per_event double precision,
    full_coverage90   double precision            not null,
    inputs_digest     varchar(64)                 not null,
    result_digest     varchar(64)                 not null,
    duration_ms       bigint                      not null,
    inputs_json       varchar(100000)             not null,
    result_json       varchar(1000000)            not null,
    constraint pk_backtest primary key (id),
    constraint ck_backtest_origins check (origin_count > 0)
);
create index ix_backtest_created on backtest (created_at);
