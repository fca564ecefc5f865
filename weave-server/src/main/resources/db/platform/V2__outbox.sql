-- Domain events written in the same transaction as the change that caused them; relays and
-- consumers (rules, timers, search, notifications) read them from here.
create table outbox (
    id           bigint generated always as identity primary key,
    tenant_id    uuid not null default platform.tenant_id_of(current_user),
    event_type   text not null,
    object       text,
    record_id    text,
    actor_id     uuid,
    payload      jsonb not null default '{}',
    occurred_at  timestamptz not null default now(),
    published_at timestamptz
);
create index outbox_unpublished on outbox (id) where published_at is null;
create index outbox_occurred on outbox (occurred_at);

-- A tenant role may add events for its own tenant only, and read or change none.
alter table outbox enable row level security;
create policy outbox_own_tenant_insert on outbox for insert
    with check (tenant_id = platform.tenant_id_of(current_user));
