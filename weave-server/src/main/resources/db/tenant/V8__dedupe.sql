-- Duplicate detection: the keys each customer, contact and lead is filed under (normalised phone,
-- e-mail, WeChat id, name sound, ...), the tenant's matching settings per object, and batch scans
-- with the pairs they found.
create table dedupe_key (
    object    text not null,
    key       text not null,
    record_id uuid not null,
    primary key (object, key, record_id)
);
create index dedupe_key_record on dedupe_key (object, record_id);

create table dedupe_setting (
    object     text primary key,
    -- pairs scoring at least this are duplicates (the sum of the evidence weights)
    threshold  numeric(5, 2) not null,
    -- what a create or update that matches an existing record does: nothing, warn, or refuse (409)
    on_write   text not null check (on_write in ('off', 'warn', 'block')),
    version    bigint not null default 1,
    updated_at timestamptz not null default now(),
    updated_by uuid
);

create table dedupe_scan (
    id              uuid primary key,
    object          text        not null,
    status          text        not null check (status in ('running', 'done', 'failed')),
    requested_by    uuid        not null,
    threshold       numeric(5, 2) not null,
    records_scanned integer     not null default 0,
    pairs_compared  bigint      not null default 0,
    pairs_found     integer     not null default 0,
    error           text,
    started_at      timestamptz not null default now(),
    finished_at     timestamptz
);
create index dedupe_scan_object on dedupe_scan (object, started_at desc);

create table dedupe_pair (
    scan_id uuid          not null references dedupe_scan (id) on delete cascade,
    seq     integer       not null,
    a       uuid          not null,
    b       uuid          not null,
    score   numeric(6, 2) not null,
    -- the evidence: [{"field","code","weight"}], and "via" when the pair is linked through others
    reasons jsonb         not null,
    primary key (scan_id, seq)
);
