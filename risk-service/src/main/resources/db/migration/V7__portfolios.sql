-- Portfolios: an organisation's institutions, re-scored on every new serving snapshot. Portable between PostgreSQL
-- and H2 (MODE=PostgreSQL), as V1: no vendor types.

-- A portfolio belongs to the organisation of the token that created it (the `organisation` claim); every read and
-- write is filtered by it. Ids are random UUIDs.
create table portfolio (
    id                  varchar(36)                 not null,
    organisation        varchar(255)                not null,
    name                varchar(200),
    created_at          timestamp(6) with time zone not null,
    created_by          varchar(255)                not null,
    created_by_client   varchar(255),
    updated_at          timestamp(6) with time zone not null,
    -- score thresholds (0..100) whose crossing is reported, comma-separated in ascending order, or null
    thresholds          varchar(200),
    institution_count   integer                     not null,
    -- SHA-256 (hex) of the canonical institutions, or null while there are none
    institutions_digest varchar(64),
    constraint pk_portfolio primary key (id),
    constraint ck_portfolio_count check (institution_count >= 0)
);
create index ix_portfolio_organisation on portfolio (organisation, created_at);

-- The institutions as last uploaded, in their upload order (row_no from 0).
create table portfolio_institution (
    portfolio_id           varchar(36)  not null,
    row_no               integer      not null,
    institution_id         varchar(256) not null,
    sector                 varchar(64)  not null,
    country                varchar(8)   not null,
    horizon_days           integer,
    swift_connectivity     varchar(16),
    crypto_custody         varchar(16),
    correspondent_exposure varchar(16),
    control_maturity       varchar(16),
    constraint pk_portfolio_institution primary key (portfolio_id, row_no),
    constraint uq_portfolio_institution unique (portfolio_id, institution_id),
    constraint fk_portfolio_institution foreign key (portfolio_id) references portfolio (id) on delete cascade
);

-- One scoring of a portfolio on a snapshot: when, why, and its summary (the history).
create table portfolio_scoring (
    portfolio_id          varchar(36)                 not null,
    snapshot_id           bigint                      not null,
    previous_snapshot_id  bigint,
    scored_at             timestamp(6) with time zone not null,
    reason                varchar(32)                 not null,
    model_version         varchar(64)                 not null,
    data_version          bigint                      not null,
    institution_count     integer                     not null,
    unscored_count        integer                     not null,
    band_low              integer                     not null,
    band_moderate         integer                     not null,
    band_high             integer                     not null,
    band_severe           integer                     not null,
    band_changes          integer                     not null,
    threshold_crossings   integer                     not null,
    mean_score            double precision,
    duration_ms           bigint                      not null,
    constraint pk_portfolio_scoring primary key (portfolio_id, snapshot_id),
    constraint fk_portfolio_scoring foreign key (portfolio_id) references portfolio (id) on delete cascade
);
create index ix_portfolio_scoring_latest on portfolio_scoring (portfolio_id, snapshot_id);

-- Each institution's score on a snapshot; score and band are null when the snapshot has no cell for it.
create table portfolio_score (
    portfolio_id   varchar(36)      not null,
    snapshot_id    bigint           not null,
    row_no       integer          not null,
    institution_id varchar(256)     not null,
    score          double precision,
    band           varchar(16),
    probability    double precision,
    expected_count double precision,
    constraint pk_portfolio_score primary key (portfolio_id, snapshot_id, row_no),
    constraint fk_portfolio_score foreign key (portfolio_id, snapshot_id)
        references portfolio_scoring (portfolio_id, snapshot_id) on delete cascade
);
create index ix_portfolio_score_institution on portfolio_score (portfolio_id, institution_id, snapshot_id);
