-- Web forms an administrator builds: which lead fields a visitor fills in (and which are required),
-- the channel and campaign the leads get, a consent text and a thank-you message. The key is the
-- form's public address (/f/{key}); platform.web_form_key maps its hash to this tenant.
create table web_form (
    id           uuid primary key,
    name         text        not null,
    form_key     text        not null unique,
    -- [{"field": "phone", "required": true}, ...] in the order shown
    fields       jsonb       not null,
    channel      text,
    campaign     text,
    consent_text text,
    thank_you    text,
    active       boolean     not null default true,
    version      bigint      not null default 1,
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now(),
    created_by   uuid,
    updated_by   uuid
);
create unique index web_form_name on web_form (lower(name));

-- which form a lead came in through (null for the intake API with a token)
alter table lead_intake add column web_form_id uuid;

grant select, insert, update, delete on platform.web_form_key to ${tenant_role};
