#!/usr/bin/env bash
# Foundation benchmark (issue 3 targets): cold start, sign-in latency, authenticated GET /api/v1/me
# throughput, and the same statements straight on PostgreSQL as a same-run baseline.
# Usage: weave-bench/scripts/foundation.sh   (from the project root; needs a built tree)
# Uses wrk and pgbench when installed (Debian: apt-get install wrk postgresql-client), else the Java runner.
set -euo pipefail
cd "$(dirname "$0")/../.."
JAVA="${JAVA_HOME:?set JAVA_HOME to a JDK 21+}/bin/java"
BENCH="$JAVA -jar weave-bench/target/weave-bench.jar"
PORT=18190
PASSWORD='Bench-Admin-2026!'
DATA="$(mktemp -d /tmp/weave-bench.XXXXXX)"
trap 'kill $(cat "$DATA/pid" 2>/dev/null) 2>/dev/null || true; sleep 3; rm -rf "$DATA"' EXIT

echo "## machine: $(nproc) cores, $(free -g | awk '/Mem/{print $2}') GiB, $($JAVA -version 2>&1 | head -1)"
echo "## cold start (java -Xmx1g -jar, until /actuator/health is UP)"
$BENCH coldstart --jar weave-server/target/weave-server.jar --runs 5 --port $((PORT + 1))

WEAVE_DATA_DIR="$DATA/data" SERVER_PORT=$PORT WEAVE_ADMIN_PASSWORD="$PASSWORD" \
  "$JAVA" -Xmx1g -jar weave-server/target/weave-server.jar >"$DATA/server.log" 2>&1 &
echo $! >"$DATA/pid"
until curl -sf "localhost:$PORT/actuator/health" >/dev/null; do sleep 0.5; done

echo "## sign-in (POST /api/v1/auth/login, Argon2id 19 MiB t=2)"
$BENCH load --base "http://localhost:$PORT" --password "$PASSWORD" --scenario login --concurrency 1 --seconds 20 --warmup 5
$BENCH load --base "http://localhost:$PORT" --password "$PASSWORD" --scenario login --concurrency 4 --seconds 20 --warmup 5

TOKEN=$(curl -s "localhost:$PORT/api/v1/auth/login" -H 'Content-Type: application/json' \
  -d "{\"tenant\":\"default\",\"username\":\"admin\",\"password\":\"$PASSWORD\"}" | sed 's/.*"token":"\([^"]*\)".*/\1/')
echo "## authenticated GET /api/v1/me"
if command -v wrk >/dev/null; then
  wrk -t2 -c16 -d10s -H "Authorization: Bearer $TOKEN" "http://localhost:$PORT/api/v1/me" >/dev/null # warm-up
  wrk -t2 -c16 -d30s --latency -H "Authorization: Bearer $TOKEN" "http://localhost:$PORT/api/v1/me"
else
  $BENCH load --base "http://localhost:$PORT" --password "$PASSWORD" --scenario me --concurrency 16 --seconds 30 --warmup 10
fi

if command -v pgbench >/dev/null; then
  echo "## baseline: the same transaction straight on PostgreSQL (pgbench, 16 clients)"
  PGPORT=$(sed -n 4p "$DATA/data/postgres/postmaster.pid")
  SECRET=${TOKEN#wv_default_}
  HASH=$(printf '%s' "$SECRET" | sha256sum | cut -d' ' -f1)
  ROLE=$(psql -h 127.0.0.1 -p "$PGPORT" -U postgres -d postgres -Atc "select db_role from platform.tenant where slug='default'")
  cat >"$DATA/me.sql" <<SQL
BEGIN;
select set_config('role', '$ROLE', true), set_config('search_path', 't_default', true), set_config('weave.request_id', 'x', true);
select t.id, t.kind, t.expires_at, t.last_used_at, u.id, u.username, u.display_name, u.org_unit_id, u.locale, s.security_version,
  array(select r.api_name from t_default.user_role ur join t_default.role r on r.id = ur.role_id where ur.user_id = u.id order by r.api_name)
  from t_default.auth_token t join t_default.app_user u on u.id = t.user_id cross join t_default.tenant_settings s
  where t.token_hash = '\x$HASH' and t.revoked_at is null and t.expires_at > now() and u.status = 'active';
COMMIT;
SQL
  pgbench -n -h 127.0.0.1 -p "$PGPORT" -U postgres -c 16 -j 2 -T 30 -f "$DATA/me.sql" postgres 2>&1 | grep -E "tps|latency average"
fi

echo "## server memory and GC after the run"
curl -s "localhost:$PORT/actuator/prometheus" >"$DATA/metrics.txt"
grep -E '^jvm_gc_pause_seconds_(count|sum)' "$DATA/metrics.txt" || true
awk '/^jvm_memory_used_bytes.*area="heap"/ {sum += $2} END {printf "heap used: %.0f MiB\n", sum / 1048576}' "$DATA/metrics.txt"
