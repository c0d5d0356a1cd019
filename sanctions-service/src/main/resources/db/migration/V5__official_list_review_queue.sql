-- Official sanctions lists (UN consolidated, OFAC SDN) loaded by a steward, and the review queue of the
-- sanctions events their DPRK-related changes propose. Nothing here is part of the data until approved.
create sequence source_load_seq start with 1 increment by 50;
create table source_load (
    id               bigint                      not null,
    source           varchar(32)                 not null,
    digest           varchar(64)                 not null,
    published_on     date,
    loaded_at        timestamp(6) with time zone not null,
    loaded_by        varchar(255)                not null,
    total_entries    integer                     not null,
    baseline         boolean                     not null,
    constraint pk_source_load primary key (id),
    constraint uq_source_load_digest unique (source, digest)
);
create index ix_source_load_source on source_load (source, loaded_at);

-- The DPRK-related entries of each load: what the next load of the same source is compared with.
create table source_entry (
    load_id    bigint       not null,
    entry_ref  varchar(64)  not null,
    name       varchar(500) not null,
    entry_type varchar(32)  not null,
    programs   varchar(200) not null,
    listed_on  date,
    constraint pk_source_entry primary key (load_id, entry_ref),
    constraint fk_source_entry_load foreign key (load_id) references source_load (id) on delete cascade
);

create sequence sanction_proposal_seq start with 1 increment by 50;
create table sanction_proposal (
    id            bigint                      not null,
    source        varchar(32)                 not null,
    listing_date  date                        not null,
    status        varchar(16)                 not null,
    load_digest   varchar(64)                 not null,
    created_at    timestamp(6) with time zone not null,
    decided_at    timestamp(6) with time zone,
    decided_by    varchar(255),
    reason        varchar(1000),
    sanction_key  varchar(80),
    version       bigint                      not null,
    constraint pk_sanction_proposal primary key (id),
    constraint ck_sanction_proposal_status check (status in ('pending', 'approved', 'rejected'))
);
create index ix_sanction_proposal_status on sanction_proposal (status, listing_date);

create table sanction_proposal_entry (
    proposal_id bigint       not null,
    entry_order integer      not null,
    entry_ref   varchar(64)  not null,
    name        varchar(500) not null,
    entry_type  varchar(32)  not null,
    entry_change varchar(16) not null,
    constraint pk_sanction_proposal_entry primary key (proposal_id, entry_order),
    constraint fk_sanction_proposal_entry foreign key (proposal_id) references sanction_proposal (id) on delete cascade
);
