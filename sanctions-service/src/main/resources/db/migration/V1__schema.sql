-- Schema of the sanctions-service. Portable between PostgreSQL and H2 (MODE=PostgreSQL): no vendor types,
-- text columns as bounded varchar, ids from sequences so that inserts can be batched.

create table data_version (
    id            integer                  not null,
    version       bigint                   not null,
    last_modified timestamp(6) with time zone not null,
    constraint pk_data_version primary key (id),
    constraint ck_data_version_singleton check (id = 1)
);
insert into data_version (id, version, last_modified) values (1, 0, current_timestamp);

create table seed_state (
    name       varchar(64)              not null,
    checksum   varchar(64)              not null,
    applied_at timestamp(6) with time zone not null,
    constraint pk_seed_state primary key (name)
);

create table region (
    code        varchar(64)  not null,
    m49_code    varchar(3),
    name        varchar(128) not null,
    parent_code varchar(64),
    constraint pk_region primary key (code),
    constraint fk_region_parent foreign key (parent_code) references region (code)
);

create table country (
    alpha2      varchar(2)   not null,
    name        varchar(128) not null,
    region_code varchar(64)  not null,
    constraint pk_country primary key (alpha2),
    constraint fk_country_region foreign key (region_code) references region (code)
);

create table sector (
    code                 varchar(64)   not null,
    name                 varchar(128)  not null,
    stix_industry_sector varchar(64)   not null,
    description          varchar(1000),
    constraint pk_sector primary key (code)
);

create sequence threat_actor_seq start with 1 increment by 50;
create table threat_actor (
    id                bigint                   not null,
    actor_key         varchar(80)              not null,
    name              varchar(200)             not null,
    description       varchar(4000),
    source            varchar(500),
    source_url        varchar(2000),
    version           bigint                   not null,
    created_at        timestamp(6) with time zone not null,
    created_by_sub    varchar(255)             not null,
    created_by_client varchar(255),
    updated_at        timestamp(6) with time zone not null,
    updated_by_sub    varchar(255)             not null,
    updated_by_client varchar(255),
    constraint pk_threat_actor primary key (id),
    constraint uq_threat_actor_key unique (actor_key)
);

create table threat_actor_alias (
    actor_id    bigint       not null,
    alias_order integer      not null,
    alias       varchar(200) not null,
    constraint pk_threat_actor_alias primary key (actor_id, alias_order),
    constraint fk_threat_actor_alias_actor foreign key (actor_id) references threat_actor (id) on delete cascade
);

create sequence sanction_event_seq start with 1 increment by 50;
create table sanction_event (
    id                       bigint                   not null,
    sanction_key             varchar(80)              not null,
    authority                varchar(32)              not null,
    title                    varchar(500)             not null,
    target_jurisdiction      varchar(2),
    announced_date           date                     not null,
    effective_date           date,
    measures                 varchar(1000)            not null,
    direction                varchar(16)              not null,
    derived_severity         integer                  not null,
    severity_override        integer,
    severity_override_reason varchar(1000),
    note                     varchar(4000),
    source                   varchar(500),
    source_url               varchar(2000),
    version                  bigint                   not null,
    created_at               timestamp(6) with time zone not null,
    created_by_sub           varchar(255)             not null,
    created_by_client        varchar(255),
    updated_at               timestamp(6) with time zone not null,
    updated_by_sub           varchar(255)             not null,
    updated_by_client        varchar(255),
    constraint pk_sanction_event primary key (id),
    constraint uq_sanction_event_key unique (sanction_key),
    constraint fk_sanction_event_jurisdiction foreign key (target_jurisdiction) references country (alpha2),
    constraint ck_sanction_event_severity check (derived_severity between 1 and 5),
    constraint ck_sanction_event_override check (severity_override is null or severity_override between 1 and 5)
);
create index ix_sanction_event_announced on sanction_event (announced_date, sanction_key);

create sequence incident_seq start with 1 increment by 100;
create table incident (
    id                     bigint                   not null,
    incident_key           varchar(80)              not null,
    first_action_date      date                     not null,
    date_precision         varchar(8)               not null,
    intrusion_start_date   date,
    actor_key              varchar(80),
    attribution_confidence integer,
    victim                 varchar(300),
    sector_code            varchar(64),
    country_code           varchar(2),
    vector                 varchar(32),
    attempted_usd          bigint,
    realised_usd           bigint,
    destructive            boolean,
    note                   varchar(4000),
    source                 varchar(500),
    source_url             varchar(2000),
    version                bigint                   not null,
    created_at             timestamp(6) with time zone not null,
    created_by_sub         varchar(255)             not null,
    created_by_client      varchar(255),
    updated_at             timestamp(6) with time zone not null,
    updated_by_sub         varchar(255)             not null,
    updated_by_client      varchar(255),
    constraint pk_incident primary key (id),
    constraint uq_incident_key unique (incident_key),
    constraint fk_incident_actor foreign key (actor_key) references threat_actor (actor_key),
    constraint fk_incident_sector foreign key (sector_code) references sector (code),
    constraint fk_incident_country foreign key (country_code) references country (alpha2),
    constraint ck_incident_amounts check (
        (attempted_usd is null or attempted_usd >= 0)
        and (realised_usd is null or realised_usd >= 0)
        and (attempted_usd is null or realised_usd is null or realised_usd <= attempted_usd)),
    constraint ck_incident_confidence check (attribution_confidence is null or attribution_confidence between 0 and 100)
);
create index ix_incident_first_action on incident (first_action_date, incident_key);
create index ix_incident_country on incident (country_code, first_action_date);
create index ix_incident_sector on incident (sector_code, first_action_date);
create index ix_incident_actor on incident (actor_key, first_action_date);
create index ix_incident_vector on incident (vector, first_action_date);
