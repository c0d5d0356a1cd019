-- Webhook subscriptions and their deliveries (Standard Webhooks). Portable between PostgreSQL and H2
-- (MODE=PostgreSQL), as V1. A delivery is a row from the moment its event is observed until it is delivered or
-- dead-lettered, so a restart loses none.

-- A subscription: its owner (the token's organisation, or the client id when the token names none), the receiver's
-- URL, the signing secret (whsec_ + base64, needed to sign every delivery) and the events it wants.
create sequence webhook_subscription_seq start with 1 increment by 50;
create table webhook_subscription (
    id             bigint                      not null,
    owner          varchar(255)                not null,
    created_at     timestamp(6) with time zone not null,
    created_by     varchar(255)                not null,
    created_client varchar(255),
    url            varchar(2000)               not null,
    secret         varchar(200)                not null,
    -- comma-separated event types: band-change, threshold, model-version, stale-data
    events         varchar(200)                not null,
    description    varchar(200),
    constraint pk_webhook_subscription primary key (id)
);
create index ix_webhook_subscription_owner on webhook_subscription (owner, created_at);

-- One event for one subscription. status: pending (due at next_attempt_at), delivering (claimed by a replica's
-- worker until claimed_until; a claim that runs out is taken over), delivered, dead (dead-lettered after the last
-- attempt or refused by the address check; redeliverable). event_key (SHA-256 hex of the event's identity) makes an
-- event observed twice, or by two replicas, one delivery.
create sequence webhook_delivery_seq start with 1 increment by 50;
create table webhook_delivery (
    id               bigint                      not null,
    subscription_id  bigint                      not null,
    owner            varchar(255)                not null,
    message_id       varchar(64)                 not null,
    event_type       varchar(32)                 not null,
    event_key        varchar(64)                 not null,
    payload          varchar(20000)              not null,
    status           varchar(16)                 not null,
    attempts         integer                     not null,
    -- the random token of the worker's claim while delivering, so that a claim retaken after it ran out cannot
    -- be settled by its first holder
    claim_token      bigint,
    created_at       timestamp(6) with time zone not null,
    next_attempt_at  timestamp(6) with time zone not null,
    claimed_until    timestamp(6) with time zone,
    last_attempt_at  timestamp(6) with time zone,
    last_status_code integer,
    last_error       varchar(1000),
    delivered_at     timestamp(6) with time zone,
    redeliveries     integer                     not null,
    constraint pk_webhook_delivery primary key (id),
    constraint fk_webhook_delivery_subscription foreign key (subscription_id)
        references webhook_subscription (id) on delete cascade,
    constraint uq_webhook_delivery_event unique (subscription_id, event_key),
    constraint ck_webhook_delivery_status check (status in ('pending', 'delivering', 'delivered', 'dead'))
);
create index ix_webhook_delivery_due on webhook_delivery (status, next_attempt_at);
create index ix_webhook_delivery_owner on webhook_delivery (owner, created_at);
