-- The metadata engine: objects and fields an administrator defines at run time. Each object is a
-- real table (r_<api name>) and each field a real column of it; these tables describe them.
alter table tenant_settings add column metadata_version bigint not null default 1;

create table meta_object (
    id           uuid primary key,
    api_name     text        not null unique,
    table_name   text        not null unique,
    label        jsonb       not null,
    label_plural jsonb       not null,
    standard     boolean     not null default false,
    name_field   text,
    description  text,
    version      bigint      not null default 1,
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now()
);

create table meta_field (
    id          uuid primary key,
    object_id   uuid        not null references meta_object (id) on delete cascade,
    api_name    text        not null,
    column_name text        not null,
    type        text        not null,
    label       jsonb       not null,
    required    boolean     not null default false,
    unique_     boolean     not null default false,
    read_only   boolean     not null default false,
    standard    boolean     not null default false,
    -- type-specific settings: maxLength, scale, values, target, expression, pattern, default, help
    settings    jsonb       not null default '{}',
    sort_order  int         not null default 0,
    version     bigint      not null default 1,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    unique (object_id, api_name),
    unique (object_id, column_name)
);
