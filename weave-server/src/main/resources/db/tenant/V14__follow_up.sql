-- Follow-up deadlines for leads: policies per kind of lead (first response within N minutes, follow
-- up within N hours, what a breach does) and the deadlines each lead's owner runs against.
create table followup_policy (
    id                     uuid primary key,
    name                   text        not null,
    position               integer     not null,
    -- CEL over the lead's fields; null: every lead
    condition              text,
    first_response_minutes integer check (first_response_minutes > 0),
    follow_up_hours        integer check (follow_up_hours > 0),
    on_breach              text        not null check (on_breach in ('notify_manager', 'reassign_to_manager', 'return_to_pool')),
    active                 boolean     not null default true,
    version                bigint      not null default 1,
    created_at             timestamptz not null default now(),
    updated_at             timestamptz not null default now()
);

create table followup_deadline (
    id          uuid primary key,
    lead_id     uuid        not null,
    policy_id   uuid        not null,
    kind        text        not null check (kind in ('first_response', 'follow_up')),
    owner_id    uuid,
    started_at  timestamptz not null,
    due_at      timestamptz not null,
    status      text        not null check (status in ('pending', 'met', 'breached', 'cancelled')),
    closed_at   timestamptz,
    -- how it was met (confirmed, status, activity), why cancelled (transferred, deleted), or what the
    -- breach did (manager notified, reassigned to ..., returned to the pool)
    outcome     text
);
create index followup_deadline_due on followup_deadline (due_at) where status = 'pending';
create index followup_deadline_lead on followup_deadline (lead_id);
create unique index followup_deadline_one_pending on followup_deadline (lead_id, kind) where status = 'pending';
