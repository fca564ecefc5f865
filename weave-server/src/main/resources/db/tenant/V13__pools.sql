-- Public pools (公海): records nobody followed up for a while go back to a pool, where eligible users
-- claim them. A pooled record has no owner (owner_id is null on its own row, so data scopes other
-- than "all" leave it out); pool_entry says which pool holds it, since when and who had it before.
create table pool (
    id                       uuid primary key,
    name                     text        not null,
    -- the object whose records the pool takes: lead or customer
    object                   text        not null,
    -- which records it takes back: a filter (CEL) over the record's fields; null: every record
    condition                text,
    -- no activity and no change for this many days sends a record to the pool
    inactive_days            int         not null check (inactive_days between 1 and 3650),
    -- who may claim: users with one of these roles or in one of these units (or below); both empty:
    -- everyone who may read the object
    claim_roles              text[]      not null default '{}',
    claim_units              uuid[]      not null default '{}',
    daily_claim_limit        int         not null check (daily_claim_limit between 1 and 10000),
    -- the previous owner may claim a record back only after this many days in the pool (0: at once)
    previous_owner_wait_days int         not null default 0 check (previous_owner_wait_days between 0 and 3650),
    -- an inactive pool reclaims nothing (its records can still be claimed)
    active                   boolean     not null default true,
    version                  bigint      not null default 1,
    created_at               timestamptz not null default now(),
    updated_at               timestamptz not null default now(),
    created_by               uuid
);
create unique index pool_name on pool (lower(name));

-- The records in pools: at most one pool per record. An entry whose record has an owner again (an
-- administrator gave it one on the records API) or was deleted does not count as pooled.
create table pool_entry (
    object            text        not null,
    record_id         uuid        not null,
    pool_id           uuid        not null references pool (id) on delete cascade,
    previous_owner_id uuid,
    entered_at        timestamptz not null,
    -- 'inactive' when reclaimed by the product, else the reason given by whoever returned it
    reason            text,
    -- who returned it by hand; null when the product reclaimed it
    returned_by       uuid,
    primary key (object, record_id)
);
create index pool_entry_list on pool_entry (pool_id, entered_at desc, record_id desc);

-- Every claim, for the daily limit and to tell "someone claimed it first" from "never pooled".
create table pool_claim (
    pool_id    uuid        not null references pool (id) on delete cascade,
    object     text        not null,
    record_id  uuid        not null,
    user_id    uuid        not null,
    claimed_at timestamptz not null
);
create index pool_claim_daily on pool_claim (pool_id, user_id, claimed_at desc);
create index pool_claim_record on pool_claim (pool_id, record_id);
