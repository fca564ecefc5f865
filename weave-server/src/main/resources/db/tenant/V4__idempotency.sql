-- Idempotency-Key: the first response to a POST, replayed for repeats by the same user.
create table idempotency_key (
    user_id         uuid        not null,
    key             text        not null,
    request_hash    text        not null,
    status          text        not null check (status in ('running', 'done')),
    response_status int,
    response_body   text,
    response_type   text,
    created_at      timestamptz not null default now(),
    primary key (user_id, key)
);
create index idempotency_key_created on idempotency_key (created_at);
