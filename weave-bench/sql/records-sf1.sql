-- Synthetic records at scale for the records benchmarks (issue 4): :customers customers, about
-- :activities activities with a skewed distribution (a few customers with thousands), 200 stores,
-- :users owners. Run with psql -v schema=t_bench -v customers=1000000 -v activities=20000000 ...
-- against a tenant created through the API (so its tables and metadata exist). Deterministic:
-- setseed fixes the random sequence.
\set ON_ERROR_STOP on
set search_path = :schema;
select setseed(0.42);
set synchronous_commit = off;

-- owners: :users users in 8 regions × 25 stores (password hash of the tenant admin)
insert into org_unit (id, parent_id, name, kind, path, depth)
select gen_random_uuid(), (select id from org_unit where parent_id is null), '大区' || r, 'region',
       (select path from org_unit where parent_id is null) || '', 1
from generate_series(1, 8) r;
update org_unit set path = (select path from org_unit where parent_id is null) || id || '/' where kind = 'region';
insert into org_unit (id, parent_id, name, kind, path, depth)
select gen_random_uuid(), reg.id, reg.name || '门店' || s, 'store', '', 2
from org_unit reg, generate_series(1, 25) s where reg.kind = 'region';
update org_unit o set path = p.path || o.id || '/' from org_unit p where o.parent_id = p.id and o.kind = 'store';
insert into app_user (id, username, display_name, password_hash, org_unit_id, status)
select gen_random_uuid(), 'u' || g, '员工' || g, (select password_hash from app_user where username = 'admin'),
       (select id from org_unit where kind = 'store' order by id offset (g % 200) limit 1), 'active'
from generate_series(1, :users) g;

insert into r_store (id, name, code, created_at, owner_id)
select gen_random_uuid(), name, 'S' || row_number() over (), now(), (select id from app_user where username = 'admin')
from org_unit where kind = 'store';

create temporary table pool as
select (select array_agg(id order by id) from app_user) as owners, (select array_agg(id order by id) from r_store) as stores;

alter table r_customer disable trigger all;
insert into r_customer (id, version, created_at, updated_at, owner_id, cid, name, kind, phone, email, channel,
                        store_id, region, tags)
select gen_random_uuid(), 1, now() - (g || ' seconds')::interval, now(),
       pool.owners[1 + (g::bigint * 7919) % array_length(pool.owners, 1)],
       upper(substr(md5(g::text), 1, 12)),
       (array['张','王','李','赵','陈','刘','杨','黄','周','吴','徐','孙','胡','朱','高','林','何','郭','马','罗'])[1 + g % 20]
         || (array['伟','芳','娜','敏','静','丽','强','磊','军','洋','勇','艳','杰','娟','涛','明','超','秀英','霞','平'])[1 + (g / 20) % 20]
         || case when g % 3 = 0 then (array['华','红','建','文','玲','斌','宇','浩'])[1 + (g / 400) % 8] else '' end,
       case when g % 10 = 0 then 'company' else 'person' end,
       '1' || (array['38','39','50','51','86','87','35','36'])[1 + g % 8] || lpad((g::bigint * 7 % 100000000)::text, 8, '0'),
       case when g % 4 = 0 then 'c' || g || '@example.cn' end,
       (array['store','web_form','wecom','douyin','hotline_400','referral'])[1 + (g * 13) % 6],
       pool.stores[1 + floor(array_length(pool.stores, 1) * power(random(), 2))::int],
       (array['310101','310104','310106','110101','440106','440305','330106','320102'])[1 + g % 8],
       case when g % 5 = 0 then array['VIP'] else null end
from generate_series(1, :customers) g, pool;
alter table r_customer enable trigger all;

create temporary table customer_ids as select id, row_number() over (order by created_at desc) as n from r_customer;
create index on customer_ids (n);
analyze customer_ids;

-- activities: power-law over customers (n = customers * u^4), so the first customers have thousands
alter table r_activity disable trigger all;
drop index if exists r_activity_customer_id;
drop index if exists r_activity_owner;
drop index if exists r_activity_created;
drop index if exists r_activity_timeline;
insert into r_activity (id, version, created_at, updated_at, owner_id, customer_id, kind, subject, occurred_at)
select gen_random_uuid(), 1, now(), now(), pool.owners[1 + s.g % array_length(pool.owners, 1)],
       c.id,
       (array['call','visit','wechat','email','order','note'])[1 + s.g % 6],
       (array['电话回访','到店体验','微信沟通','发送资料','下单','备注'])[1 + s.g % 6],
       now() - ((s.g % 1000000) || ' minutes')::interval
from (select g, 1 + floor(:customers * power(random(), 4))::int as n from generate_series(1, :activities) g) s
cross join pool
join customer_ids c on c.n = s.n;
-- the same indexes the product creates for activities (see StandardObjects)
create index r_activity_customer_id on r_activity (customer_id, created_at desc, id desc) where deleted_at is null;
create index r_activity_owner on r_activity (owner_id, created_at desc, id desc) where deleted_at is null;
create index r_activity_created on r_activity (created_at desc, id desc) where deleted_at is null;
create index r_activity_timeline on r_activity (customer_id, occurred_at desc nulls last, id desc)
    where deleted_at is null;
alter table r_activity enable trigger all;
analyze r_customer;
analyze r_activity;
