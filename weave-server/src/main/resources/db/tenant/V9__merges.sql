-- Record merges: duplicates folded into one survivor, and everything needed to undo it. The merged
-- records stay in their tables as tombstones (soft-deleted); this says where they went.
create table record_merge (
    id          uuid primary key,
    object      text        not null,
    survivor_id uuid        not null,
    -- the merged records, in the order given
    merged_ids  uuid[]      not null,
    -- the survivor's fields the merge changed: [{"field","old","new"}] in the API's JSON form
    changes     jsonb       not null default '[]',
    created_at  timestamptz not null default now(),
    created_by  uuid,
    undone_at   timestamptz,
    undone_by   uuid
);
create index record_merge_survivor on record_merge (survivor_id, created_at desc);
create index record_merge_merged on record_merge using gin (merged_ids);

-- Each child the merge moved: which record of which object, through which field, and where it
-- pointed before (one of the merged records), so undo puts exactly these rows back.
create table record_merge_child (
    merge_id    uuid not null references record_merge (id),
    object      text not null,
    field       text not null,
    record_id   uuid not null,
    previous_id uuid not null,
    primary key (merge_id, object, field, record_id)
);
