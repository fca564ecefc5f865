-- The platform schema: what is shared by all tenants. Tenant data never lives here.

create table tenant (
    id             uuid primary key,
    slug           text not null unique,
    name           text not null,
    schema_name    text not null unique,
    db_role        text not null unique,
    status         text not null default 'provisioning'
                   check (status in ('provisioning', 'active', 'suspended')),
    schema_version text,
    -- the first administrator while the tenant is being provisioned (password as an Argon2id hash);
    -- lets start-up finish a provisioning that a crash cut short, cleared once the tenant is active
    pending_admin  jsonb,
    created_at     timestamptz not null default now()
);

-- The tenant whose database role is role_name (callers pass current_user). SECURITY DEFINER so tenant
-- roles learn their own id without reading the registry; inside it current_user is the owner, hence
-- the argument.
create function tenant_id_of(role_name name) returns uuid
    language sql stable security definer
    set search_path = platform, pg_catalog
as $$ select id from platform.tenant where db_role = role_name $$;
revoke all on function tenant_id_of(name) from public;
