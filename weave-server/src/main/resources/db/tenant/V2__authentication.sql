-- Bearer tokens, UI sessions and personal API tokens. Only a SHA-256 of each secret is stored.
create table auth_token (
    id           uuid primary key,
    user_id      uuid        not null references app_user (id),
    kind         text        not null check (kind in ('login', 'session', 'personal')),
    name         text,
    token_hash   bytea       not null unique,
    created_at   timestamptz not null default now(),
    expires_at   timestamptz not null,
    last_used_at timestamptz,
    revoked_at   timestamptz,
    created_ip   text
);
create index auth_token_user on auth_token (user_id) where revoked_at is null;
create index auth_token_expiry on auth_token (expires_at);
