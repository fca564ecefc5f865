#!/usr/bin/env bash
# Records benchmark (issue 4 targets) against a running server whose tenant was loaded with
# weave-bench/sql/records-sf1.sql. Measures the customer 360 view, a filtered + sorted list (first
# and deep pages), single reads, creates, adding a field to the customer table, and the peer
# scenario of GUIDE §7; next to each, the same SQL straight on PostgreSQL where it applies.
# Usage: BASE=http://localhost:18300 TENANT=sf1 PASSWORD=... PGPORT=... [SERVER_PID=...] weave-bench/scripts/records.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
: "${BASE:?}" "${TENANT:?}" "${PASSWORD:?}" "${PGPORT:?}"
SCHEMA="t_${TENANT//-/_}"
WORK="$(mktemp -d /tmp/weave-records-bench.XXXXXX)"
PSQL=(psql -h 127.0.0.1 -p "$PGPORT" -U postgres -d postgres -At)
TOKEN=$(curl -s "$BASE/api/v1/auth/login" -H 'Content-Type: application/json' \
  -d "{\"tenant\":\"$TENANT\",\"username\":\"admin\",\"password\":\"$PASSWORD\"}" | sed 's/.*"token":"\([^"]*\)".*/\1/')
export TOKEN
run() { # name duration connections paths-file
  echo "### $1"
  PATHS="$4" wrk -t2 -c"$3" -d"$2" --latency -s weave-bench/lua/paths.lua "$BASE" | grep -E "Requests/sec|Latency|50%|90%|99%|Non-2xx"
}
echo "## data: $("${PSQL[@]}" -c "select count(*) from $SCHEMA.r_customer") customers, $("${PSQL[@]}" -c "select count(*) from $SCHEMA.r_activity") activities"

# random customers, weighted like the data (some with thousands of activities)
"${PSQL[@]}" -c "select '/api/v1/customers/' || id || '/360' from $SCHEMA.r_customer tablesample system (1) limit 5000" >"$WORK/360.txt"
"${PSQL[@]}" -c "select '/api/v1/objects/customer/records/' || id from $SCHEMA.r_customer tablesample system (1) limit 5000" >"$WORK/read.txt"
"${PSQL[@]}" -c "select '/api/v1/objects/customer/records?limit=50&sort=-createdAt&filter=storeId%20%3D%3D%20%22' || id || '%22' from $SCHEMA.r_store" >"$WORK/list.txt"
"${PSQL[@]}" -c "select '/api/v1/customers/' || customer_id || '/360' from (select customer_id, count(*) from $SCHEMA.r_activity group by 1 order by 2 desc limit 20) t" >"$WORK/360-heavy.txt"

run "warm-up" 20s 8 "$WORK/read.txt" >/dev/null
run "customer 360 (random customers)" 30s 8 "$WORK/360.txt"
run "customer 360 (the 20 customers with the most activities)" 20s 8 "$WORK/360-heavy.txt"
run "list: filter storeId (indexed) + sort -createdAt, first page of 50" 30s 8 "$WORK/list.txt"
run "single read by id" 30s 16 "$WORK/read.txt"

echo "### deep pages with the cursor (page 1, 100, 200 of a store's customers)"
STORE=$("${PSQL[@]}" -c "select store_id from $SCHEMA.r_customer group by 1 order by count(*) desc limit 1")
cursor=""; for page in $(seq 1 200); do
  start=$(date +%s%N)
  body=$(curl -s "$BASE/api/v1/objects/customer/records?limit=50&sort=-createdAt&fields=name&filter=storeId%20%3D%3D%20%22$STORE%22${cursor:+&cursor=$cursor}" -H "Authorization: Bearer $TOKEN")
  took=$(( ($(date +%s%N) - start) / 1000 ))
  [[ $page == 1 || $page == 100 || $page == 200 ]] && echo "page $page: $took µs"
  cursor=$(echo "$body" | sed -n 's/.*"nextCursor":"\([^"]*\)".*/\1/p')
  [[ -z $cursor ]] && { echo "ended at page $page"; break; }
done

echo "### create (POST customer records)"
wrk -t2 -c16 -d30s --latency -s weave-bench/lua/create.lua "$BASE/api/v1/objects/customer/records" | grep -E "Requests/sec|Latency|50%|99%|Non-2xx"

echo "### adding a field to the customer table"
for i in 1 2 3; do
  start=$(date +%s%N)
  curl -s -o /dev/null -w "%{http_code} " "$BASE/api/v1/objects/customer/fields" -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: application/json' -d "{\"apiName\":\"bench_field_$RANDOM$i\",\"label\":\"压测字段\",\"type\":\"text\"}"
  echo "$(( ($(date +%s%N) - start) / 1000000 )) ms"
done

echo "### adding a unique field to the customer table (builds a unique index over every row)"
start=$(date +%s%N)
curl -s -o /dev/null -w "%{http_code} " "$BASE/api/v1/objects/customer/fields" -H "Authorization: Bearer $TOKEN" \
  -H 'Content-Type: application/json' -d "{\"apiName\":\"bench_unique_$RANDOM\",\"label\":\"唯一字段\",\"type\":\"text\",\"unique\":true}"
echo "$(( ($(date +%s%N) - start) / 1000000 )) ms"

JSTAT="${JAVA_HOME:+$JAVA_HOME/bin/}jstat"
if [[ -n "${SERVER_PID:-}" ]] && command -v "$JSTAT" >/dev/null; then
  echo "### server heap and GC since start (jstat -gc: young/full collections and seconds)"
  "$JSTAT" -gc "$SERVER_PID" | awk 'NR==1{for(i=1;i<=NF;i++)h[i]=$i} NR==2{for(i=1;i<=NF;i++) if(h[i]~/^(OU|OC|YGC|YGCT|FGC|FGCT|GCT)$/) printf "%s=%s ", h[i], $i; print ""}'
fi

echo "## baselines: the same statements straight on PostgreSQL (pgbench, 8 clients, 30 s)"
ROLE=$("${PSQL[@]}" -c "select db_role from platform.tenant where slug = '$TENANT'")
"${PSQL[@]}" -c "drop table if exists public.bench_ids; create table public.bench_ids as
  select row_number() over () as n, id from (select id from $SCHEMA.r_customer tablesample system (1) limit 5000) t;
  alter table public.bench_ids add primary key (n); grant select on public.bench_ids to public" >/dev/null
cat >"$WORK/read.sql" <<SQL
\set n random(1, 5000)
BEGIN;
select set_config('role', '$ROLE', true), set_config('search_path', '$SCHEMA', true);
select * from $SCHEMA.r_customer where id = (select id from public.bench_ids where n = :n) and deleted_at is null;
COMMIT;
SQL
pgbench -n -h 127.0.0.1 -p "$PGPORT" -U postgres -c 8 -j 2 -T 30 -f "$WORK/read.sql" postgres 2>&1 | grep -E "tps|latency average"
"${PSQL[@]}" -c "drop table public.bench_ids" >/dev/null
rm -rf "$WORK"
