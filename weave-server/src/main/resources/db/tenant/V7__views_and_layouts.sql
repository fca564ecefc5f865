-- Saved list views (a filter, a sort, columns, a kanban grouping) and form layouts per object.
create table list_view (
    id            uuid primary key,
    object        text        not null,
    name          text        not null,
    owner_id      uuid        not null references app_user (id),
    -- who sees it: its owner only, holders of a role, people of an org unit (and below), everyone
    visibility    text        not null check (visibility in ('private', 'role', 'unit', 'tenant')),
    role_api_name text,
    org_unit_id   uuid references org_unit (id),
    filter        text,
    sort          text,
    fields        text,
    kanban_field  text,
    version       bigint      not null default 1,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now()
);
create index list_view_object on list_view (object);

create table form_layout (
    object     text primary key,
    definition jsonb       not null,
    version    bigint      not null default 1,
    updated_at timestamptz not null default now(),
    updated_by uuid
);
