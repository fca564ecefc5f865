-- The audit trail: append-only. The tenant role may insert and read, never update or delete, and a
-- trigger refuses changes from anyone else too.
create table audit_log (
    id         bigint generated always as identity primary key,
    at         timestamptz not null default now(),
    actor_id   uuid,
    action     text        not null,
    object     text,
    record_id  text,
    changes    jsonb       not null default '[]',
    detail     text,
    request_id text,
    ip         text
);
create index audit_log_record on audit_log (record_id, id desc);
create index audit_log_actor on audit_log (actor_id, id desc);
create index audit_log_object_action on audit_log (object, action, id desc);
create index audit_log_at on audit_log (at);

revoke update, delete, truncate on audit_log from ${tenant_role};

create function audit_log_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the audit log is append-only';
end $$;
create trigger audit_log_append_only
    before update or delete on audit_log
    for each row execute function audit_log_is_append_only();
create trigger audit_log_no_truncate
    before truncate on audit_log
    for each statement execute function audit_log_is_append_only();
