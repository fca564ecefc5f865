-- Leads taken in through the intake API and web forms: where each came from (channel, UTM, consent),
-- which customer it was matched to or created, who got it, and the trace of how that was decided.
create table lead_intake (
    lead_id      uuid primary key,
    customer_id  uuid        not null,
    duplicate_of uuid,
    owner_id     uuid,
    channel      text,
    utm          jsonb,
    consent      boolean,
    -- the same content from the same sender within a minute is the same submission
    content_hash text        not null,
    submitted_by uuid,
    trace        jsonb       not null,
    created_at   timestamptz not null default now()
);
create index lead_intake_recent on lead_intake (content_hash, created_at desc);
