-- Lead assignment: ordered rules (a CEL condition and a strategy over a pool of members), the
-- tenant's assignment settings (default queue owner, working hours), absences, the round-robin
-- positions and the number of leads each user got per day (for daily caps).
create table assignment_rule (
    id                 uuid primary key,
    name               text        not null,
    position           int         not null,
    active             boolean     not null default true,
    condition          text        not null,
    strategy           text        not null check (strategy in
        ('round_robin', 'weighted', 'least_loaded', 'territory', 'queue', 'owner_of_existing_customer')),
    -- the queue's name (strategy queue)
    queue              text,
    -- a pool of its own: the active users of this org unit and the units below it
    org_unit_id        uuid references org_unit (id),
    daily_cap          int check (daily_cap > 0),
    working_hours_only boolean     not null default false,
    version            bigint      not null default 1,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now(),
    created_by         uuid,
    updated_by         uuid
);
create index assignment_rule_position on assignment_rule (position);

create table assignment_rule_member (
    rule_id  uuid not null references assignment_rule (id) on delete cascade,
    user_id  uuid not null references app_user (id),
    weight   int  not null default 1 check (weight between 1 and 100),
    position int  not null,
    primary key (rule_id, user_id)
);

-- where each rule's rotation stands; the row is locked while an intake picks, so concurrent intakes
-- take turns (scope: '' for the rule's own pool, 'store:<id>' / 'region:<code>' for a territory)
create table assignment_counter (
    rule_id      uuid   not null references assignment_rule (id) on delete cascade,
    scope        text   not null,
    next         bigint not null default 0,
    last_user_id uuid,
    primary key (rule_id, scope)
);

-- leads given to each user per day (in the tenant's time zone), counted by every assignment
create table assignment_daily (
    user_id  uuid not null,
    day      date not null,
    assigned int  not null default 0,
    primary key (user_id, day)
);

create table assignment_absence (
    id         uuid primary key,
    user_id    uuid        not null references app_user (id),
    starts_at  timestamptz not null,
    ends_at    timestamptz not null,
    note       text,
    created_at timestamptz not null default now(),
    created_by uuid,
    check (ends_at > starts_at)
);
create index assignment_absence_user on assignment_absence (user_id, ends_at);

create table assignment_settings (
    id                  smallint primary key default 1 check (id = 1),
    -- the default queue's owner; null: the tenant's first administrator
    default_owner_id    uuid references app_user (id),
    keep_existing_owner boolean     not null default true,
    -- ISO days of week (1 = Monday) and times of day in the tenant's time zone
    working_days        int[]       not null default '{1,2,3,4,5}',
    work_from           time        not null default '09:00',
    work_to             time        not null default '18:00',
    version             bigint      not null default 1,
    updated_at          timestamptz not null default now(),
    updated_by          uuid
);
insert into assignment_settings (id) values (1);
