-- Notifications: the in-app inbox of each user, their deliveries by e-mail and to group-bot
-- webhooks (WeCom, Feishu, DingTalk), each user's choice of e-mail, the tenant's reminder offset and
-- the pending task reminders.

-- deliveries are durable db-scheduler tasks, scheduled in the tenant's own transaction (row-level
-- security keeps the role to its own tenant's instances, platform V5)
grant select, insert, update, delete on platform.scheduled_tasks to ${tenant_role};

create table notification (
    id             uuid primary key,
    -- order of creation: the inbox's keyset and the live stream's event id
    seq            bigint generated always as identity unique,
    recipient_id   uuid        not null references app_user (id),
    kind           text        not null,
    -- {"key": "<message key>", "args": [...]} rendered in the reader's language, or {"text": "..."}
    title          jsonb       not null,
    body           jsonb,
    link           text,
    related_object text,
    related_id     uuid,
    -- a notice that must be given once only (a reminder of one due time) carries a key
    dedupe_key     text,
    created_at     timestamptz not null default now(),
    read_at        timestamptz
);
create index notification_inbox on notification (recipient_id, seq desc);
create index notification_unread on notification (recipient_id, seq desc) where read_at is null;
create unique index notification_once on notification (recipient_id, dedupe_key) where dedupe_key is not null;

create table notification_preference (
    user_id    uuid primary key references app_user (id),
    email      boolean     not null default true,
    updated_at timestamptz not null default now()
);

create table webhook_channel (
    id            uuid primary key,
    name          text        not null,
    platform      text        not null check (platform in ('wecom', 'feishu', 'dingtalk')),
    -- the URL carries the bot's key or access token and the secret signs: both sealed (AES-GCM)
    url_sealed    text        not null,
    secret_sealed text,
    kinds         text[]      not null,
    enabled       boolean     not null default true,
    version       bigint      not null default 1,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    created_by    uuid
);
create unique index webhook_channel_name on webhook_channel (lower(name));

create table notification_delivery (
    id              uuid primary key,
    notification_id uuid        not null references notification (id) on delete cascade,
    channel         text        not null check (channel in ('email', 'webhook')),
    webhook_id      uuid        references webhook_channel (id) on delete set null,
    status          text        not null default 'pending' check (status in ('pending', 'sent', 'failed')),
    attempts        int         not null default 0,
    last_error      text,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now()
);
create index notification_delivery_of on notification_delivery (notification_id);
create index notification_delivery_webhook on notification_delivery (webhook_id, created_at desc);

create table notification_settings (
    id                    smallint primary key default 1 check (id = 1),
    task_reminder_minutes int         not null default 15 check (task_reminder_minutes between 0 and 10080),
    version               bigint      not null default 1,
    updated_at            timestamptz not null default now()
);
insert into notification_settings default values;

-- the reminder of each open, assigned task with a due time ahead, kept in step by every write of the
-- task; a sweep fires those whose time has come (found through the index on fire_at)
create table task_reminder (
    task_id uuid primary key,
    due_at  timestamptz not null,
    fire_at timestamptz not null
);
create index task_reminder_due on task_reminder (fire_at);
