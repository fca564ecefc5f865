-- Public web forms are reached by their key alone (/f/{key}, X-Form-Key), before any tenant is known:
-- this table says which tenant and form a key belongs to. It holds the key's SHA-256, never the key.
-- A tenant role adds and removes the rows of its own tenant only (row-level security, as the outbox);
-- the lookup of a public request runs as the table's owner.
create table web_form_key (
    key_hash   text primary key,
    tenant_id  uuid        not null default platform.tenant_id_of(current_user) references tenant (id),
    form_id    uuid        not null,
    created_at timestamptz not null default now()
);
create index web_form_key_form on web_form_key (tenant_id, form_id);

alter table web_form_key enable row level security;
create policy web_form_key_own_tenant on web_form_key
    using (tenant_id = platform.tenant_id_of(current_user))
    with check (tenant_id = platform.tenant_id_of(current_user));
