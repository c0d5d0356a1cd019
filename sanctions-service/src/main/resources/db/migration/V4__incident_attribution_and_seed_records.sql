-- When an attribution and a theft became public, so backtests can use only what was known at each origin;
-- and the region of an incident whose country is unknown ("an African bank").
alter table incident add column attributed_on date;
alter table incident add column attributed_by varchar(300);
alter table incident add column reported_on date;
alter table incident add column region_code varchar(64);
alter table incident add constraint fk_incident_region foreign key (region_code) references region (code);
-- The region is stored only when the country is unknown; otherwise it follows from the country.
alter table incident add constraint ck_incident_region check (region_code is null or country_code is null);
create index ix_incident_region on incident (region_code, first_action_date);

-- The natural keys of the curated seed release loaded last, with a digest of each record as that release
-- left it, so a new release can retire the records it no longer ships instead of leaving them beside their
-- replacements, and keep those a steward changed since. Rows taken over from before have no digest.
create table seed_record (
    kind       varchar(16) not null,
    record_key varchar(80) not null,
    digest     varchar(64),
    constraint pk_seed_record primary key (kind, record_key)
);
insert into seed_record (kind, record_key)
    select 'actor', actor_key from threat_actor where created_by_sub = 'system:seed';
insert into seed_record (kind, record_key)
    select 'sanction', sanction_key from sanction_event where created_by_sub = 'system:seed';
insert into seed_record (kind, record_key)
    select 'incident', incident_key from incident where created_by_sub = 'system:seed';
