-- Channel attribution: the first and the latest touch (channel, campaign, when) of every customer and
-- deal, and a deal's own channel. The fields themselves (metadata, labels) join the standard objects
-- when the product upgrades the tenant after its migrations; here the columns are created early so
-- that existing rows can be filled from what we know: the lead intakes that reached each customer and
-- the customer's own channel when it was created. A new tenant has no such tables yet and skips this.
do $$
begin
    if to_regclass('r_customer') is null or to_regclass('r_lead') is null or to_regclass('r_deal') is null then
        return;
    end if;

    alter table r_customer
        add column if not exists first_touch_channel text,
        add column if not exists first_touch_campaign text,
        add column if not exists first_touch_at timestamptz,
        add column if not exists last_touch_channel text,
        add column if not exists last_touch_campaign text,
        add column if not exists last_touch_at timestamptz;
    alter table r_deal
        add column if not exists channel text,
        add column if not exists first_touch_channel text,
        add column if not exists first_touch_campaign text,
        add column if not exists first_touch_at timestamptz,
        add column if not exists last_touch_channel text,
        add column if not exists last_touch_campaign text,
        add column if not exists last_touch_at timestamptz;

    -- every touch we know of: each intake (with the lead's channel as mapped, and its campaign or the
    -- UTM campaign) and the customer's own channel at its creation; on the same instant the intake,
    -- which knows the campaign, wins
    create temporary table attribution_touch on commit drop as
    select i.customer_id,
           l.channel,
           left(coalesce(nullif(l.campaign, ''), nullif(i.utm ->> 'campaign', '')), 100) as campaign,
           i.created_at                                                                  as at,
           0                                                                             as rank
    from lead_intake i
             join r_lead l on l.id = i.lead_id
    where l.channel is not null
    union all
    select c.id, c.channel, null, c.created_at, 1
    from r_customer c
    where c.channel is not null
      and c.deleted_at is null;
    create index on attribution_touch (customer_id, at);

    update r_customer c
    set first_touch_channel  = f.channel,
        first_touch_campaign = f.campaign,
        first_touch_at       = f.at,
        last_touch_channel   = l.channel,
        last_touch_campaign  = l.campaign,
        last_touch_at        = l.at
    from (select distinct on (customer_id) customer_id, channel, campaign, at
          from attribution_touch
          order by customer_id, at, rank) f
             join (select distinct on (customer_id) customer_id, channel, campaign, at
                   from attribution_touch
                   order by customer_id, at desc, rank) l on l.customer_id = f.customer_id
    where c.id = f.customer_id
      and c.first_touch_at is null;

    -- a deal's first touch: its customer's latest touch when the deal was created (none when the
    -- customer had none yet); its latest: the customer's latest touch while the deal is open, the
    -- latest before its last change once it is won or lost
    update r_deal d
    set (first_touch_channel, first_touch_campaign, first_touch_at) =
            (select t.channel, t.campaign, t.at
             from attribution_touch t
             where t.customer_id = d.customer_id
               and t.at <= d.created_at
             order by t.at desc, t.rank
             limit 1)
    where d.first_touch_at is null
      and exists (select 1 from attribution_touch t where t.customer_id = d.customer_id);

    update r_deal d
    set (last_touch_channel, last_touch_campaign, last_touch_at) =
            (select t.channel, t.campaign, t.at
             from attribution_touch t
             where t.customer_id = d.customer_id
               and t.at <= case when d.stage in ('won', 'lost') then d.updated_at else 'infinity'::timestamptz end
             order by t.at desc, t.rank
             limit 1)
    where d.last_touch_at is null
      and exists (select 1 from attribution_touch t where t.customer_id = d.customer_id);
end
$$;
