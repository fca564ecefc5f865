-- One schema per tenant holds all of its data. The tenant's database role (${tenant_role}) reads and
-- writes it; it cannot create, alter or drop anything, and it has no rights on any other schema.
grant usage on schema ${flyway:defaultSchema} to ${tenant_role};
alter default privileges in schema ${flyway:defaultSchema}
    grant select, insert, update, delete on tables to ${tenant_role};
alter default privileges in schema ${flyway:defaultSchema}
    grant usage, select on sequences to ${tenant_role};
grant usage on schema platform to ${tenant_role};
grant insert on platform.outbox to ${tenant_role};
grant execute on function platform.tenant_id_of(name) to ${tenant_role};

create table tenant_settings (
    id               smallint primary key default 1 check (id = 1),
    name             text        not null,
    timezone         text        not null default 'Asia/Shanghai',
    currency         text        not null default 'CNY',
    default_locale   text        not null default 'zh-CN',
    -- bumped by every change to roles, permissions or user roles: cached policies check it
    security_version bigint      not null default 1,
    version          bigint      not null default 1,
    updated_at       timestamptz not null default now()
);

create table org_unit (
    id         uuid primary key,
    parent_id  uuid references org_unit (id),
    name       text        not null,
    kind       text        not null,
    -- ids from the root down, '/root/child/.../self/': a subtree is a prefix match
    path       text        not null,
    depth      int         not null,
    sort_order int         not null default 0,
    version    bigint      not null default 1,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
);
create unique index org_unit_single_root on org_unit ((true)) where parent_id is null;
create unique index org_unit_sibling_name on org_unit (parent_id, lower(name));
create index org_unit_path on org_unit (path text_pattern_ops);

create table app_user (
    id                  uuid primary key,
    username            text        not null,
    display_name        text        not null,
    password_hash       text        not null,
    org_unit_id         uuid        not null references org_unit (id),
    manager_id          uuid references app_user (id),
    phone               text,
    email               text,
    status              text        not null default 'active' check (status in ('active', 'left')),
    locale              text        not null default 'zh-CN',
    failed_logins       int         not null default 0,
    locked_until        timestamptz,
    password_changed_at timestamptz not null default now(),
    last_login_at       timestamptz,
    version             bigint      not null default 1,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    created_by          uuid
);
create unique index app_user_username on app_user (lower(username));
create index app_user_manager on app_user (manager_id);
create index app_user_org_unit on app_user (org_unit_id);

create table role (
    id          uuid primary key,
    api_name    text        not null unique,
    label       jsonb       not null,
    description text,
    builtin     boolean     not null default false,
    -- the tenant administrator's role cannot be narrowed: nobody can lock the tenant out
    locked      boolean     not null default false,
    version     bigint      not null default 1,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now()
);

create table role_permission (
    role_id uuid not null references role (id) on delete cascade,
    object  text not null,
    action  text not null check (action in ('read', 'create', 'update', 'delete', 'export', 'import')),
    scope   text not null check (scope in ('own', 'team', 'unit', 'all')),
    primary key (role_id, object, action)
);

create table role_field_access (
    role_id uuid not null references role (id) on delete cascade,
    object  text not null,
    field   text not null,
    access  text not null check (access in ('hidden', 'read_only', 'editable')),
    primary key (role_id, object, field)
);

create table user_role (
    user_id uuid not null references app_user (id) on delete cascade,
    role_id uuid not null references role (id) on delete cascade,
    primary key (user_id, role_id)
);
create index user_role_role on user_role (role_id);
