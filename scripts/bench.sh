#!/usr/bin/env bash
# The benchmark: the API against this machine's own limit, measured side by side in one run.
#
#   scripts/bench.sh            build Release, start the local database and the API, seed (once) and measure
#
# Scenarios, each for BENCH_DURATION at BENCH_CONNECTIONS connections with wrk (installed from Debian when missing):
#   create     POST /complaints by a partner (new external reference and Idempotency-Key per request)
#   create-silent  the same with every notification switched off (PUT /settings/notifications), to weigh their cost
#   create-metrics-on / -off  create on a fresh API with its metrics and one with CustomerCare__Metrics__Enabled=false
#              (three of each, alternated, each after its own warm-up; medians compared), to weigh what metrics cost
#   get        GET /complaints/{id}
#   list       GET /complaints?status=registered&departmentId=…&pageSize=50 (a department's queue, newest first)
#   search     GET /complaints?q=<order number>&pageSize=50
#   search-phrase  GET /complaints?q=<a Chinese phrase or word of the complaints' texts, in ~10 % of them>&pageSize=50
#   search-words   GET /complaints?q=<a customer's own words: a shop's name, ~11 complaints, or its first two characters>
#   register   POST /complaints/{id}/register with If-Match
#   report     GET /reports/complaints/summary over the last full quarter, by category
#   health     GET /health/live: the framework's own ceiling
#   upload     50 files of 20 MB attached one after another (scripts/bench/uploads.sh): how far the API's memory rises
#   import     a partner's NDJSON file of 10,000 new complaints (scripts/bench/import.sh): rows per second to the job's end,
#              after a first import of 5,000 on the same API (import-first: reported, not judged) has warmed the path
#   report-replica  the report scenario with ConnectionStrings__CustomerCareReports on a streaming replica of the cluster
#              (scripts/db.sh replica start), once it has replayed everything; a report that fell back to the primary is counted
# and pgbench running the same statements as create, get, list, the searches and register (pg_*.sql) at the same concurrency.
# Prints one table and writes it as JSON (.data/bench/results-<time>.json) and as docs/benchmarks.md.
#
# Environment: BENCH_COMPLAINTS (1000000), BENCH_CUSTOMERS (200000), BENCH_POOL (100000 received complaints added per
# run for register), BENCH_DURATION (15s), BENCH_CONNECTIONS (32), BENCH_THREADS (2), BENCH_PORT (5090), BENCH_WARMUP
# (8s per scenario), BENCH_FRESH_WARMUP (20s for each fresh API of the metrics comparison and the import), BENCH_IMPORT_ROWS
# (10000), BENCH_IMPORT_WARMUP_ROWS (5000 a warm-up file).
# The seeded database is kept as a template (customercare_bench_seed) while its seeded size stays the same, and every run
# measures a fresh copy of it (customercare_bench): a run adds ~170,000 complaints (the register pool, the creates, an
# import). The report says how many complaints the database held when measured. Drop both databases to seed anew. Before
# measuring, the copy's API catches up on the SLA clocks that fell due since the template was seeded (see "caught up").
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

COMPLAINTS="${BENCH_COMPLAINTS:-1000000}"
CUSTOMERS="${BENCH_CUSTOMERS:-200000}"
POOL="${BENCH_POOL:-100000}"
DURATION="${BENCH_DURATION:-15s}"
CONNECTIONS="${BENCH_CONNECTIONS:-32}"
THREADS="${BENCH_THREADS:-2}"
PORT="${BENCH_PORT:-5090}"
BASE="http://127.0.0.1:$PORT"
DIR="$ROOT/.data/bench"
SCRIPTS="$ROOT/scripts/bench"
say() { printf 'bench: %s\n' "$*" >&2; }

# --- tools -----------------------------------------------------------------------------------------------------------
if ! command -v wrk >/dev/null 2>&1; then
  [ "$(id -u)" -eq 0 ] || { say "wrk is missing: apt-get install -y wrk (as root)"; exit 1; }
  say "installing wrk from Debian"
  apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >&2
fi
unset ConnectionStrings__CustomerCare
# The database first: on a fresh clone as root, .data must be made by db.sh (owned by the server user), not by mkdir here.
scripts/db.sh start >&2
mkdir -p "$DIR"
PGBIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
CONN="$(scripts/db.sh conn customercare_bench)"
field() { printf '%s' "$CONN" | tr ';' '\n' | sed -n "s/^$1=//p"; }
export PGHOST="$(field Host)" PGPORT="$(field Port)" PGUSER="$(field Username)" PGPASSWORD="$(field Password)" PGDATABASE=customercare_bench
sql() { "$PGBIN/psql" -v ON_ERROR_STOP=1 -qtAX "$@"; }
exists() { [ "$(sql -d customercare -c "SELECT count(*) FROM pg_database WHERE datname = '$1'")" = "1" ]; }
drop_bench() { # this role's sessions on it ended, then a plain DROP, which also stops an autovacuum worker busy there
  # (WITH (FORCE) refuses to end a process of another role, autovacuum's included, as one can be right after a run)
  sql -d customercare -c "SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                          WHERE datname = 'customercare_bench' AND usename = current_user AND pid <> pg_backend_pid()" >/dev/null
  sql -d customercare -c "DROP DATABASE IF EXISTS customercare_bench" >&2
}
# Every run measures the same data: the seeded database is kept as a template (customercare_bench_seed) and each run
# starts from a copy of it, since a run adds ~170,000 complaints (the register pool, the creates, an import). A template
# seeded by another version of the seed (seed.sql, places.txt, texts-zh.txt) or of the schema (the migrations' names) is
# dropped and the data seeded anew: the API would migrate every copy as it starts, and a migration that rewrites the
# complaints takes minutes on a million.
SEED="$( (cat "$SCRIPTS/seed.sql" "$SCRIPTS/places.txt" "$SCRIPTS/texts-zh.txt"; ls src/Infrastructure/Data/Migrations) | sha256sum | cut -c1-16)"
# The Chinese texts (texts-zh.txt: titles on its first line, descriptions on its second; places.txt: the characters of
# the shops' names) for seed.sql, pool.sql and pg_create.sql, and the searched ones (search-zh.txt) for pg_search_*.sql.
line() { sed -n "$2p" "$SCRIPTS/$1"; }
PLACES="$(line places.txt 1)"
ZH_TITLES="$(line texts-zh.txt 1)" ZH_DESCRIPTIONS="$(line texts-zh.txt 2)"
ZH=(-v zh_titles="$ZH_TITLES" -v zh_descriptions="$ZH_DESCRIPTIONS")
if exists customercare_bench_seed \
  && [ "$(sql -d customercare_bench_seed -c "SELECT count(*) FROM bench_meta WHERE to_jsonb(bench_meta) ->> 'seed' = '$SEED'" 2>/dev/null)" != "1" ]; then
  say "the seeded template was made by another version of the seed or the schema: dropping it to seed anew"
  drop_bench
  sql -d customercare -c "DROP DATABASE customercare_bench_seed" >&2
fi
if exists customercare_bench_seed; then
  say "starting from a copy of the seeded database"
  drop_bench
  sql -d customercare -c "CREATE DATABASE customercare_bench TEMPLATE customercare_bench_seed STRATEGY FILE_COPY" >&2
elif exists customercare_bench && [ "$(sql -c "SELECT to_regclass('bench_meta') IS NOT NULL")" = "t" ] \
  && [ "$(sql -c "SELECT count(*) FROM complaints")" != "$(sql -c "SELECT complaints FROM bench_meta")" ]; then
  say "customercare_bench holds what earlier runs added (from before the seeded template was kept): seeding it anew"
  drop_bench
fi
exists customercare_bench || sql -d customercare -c "CREATE DATABASE customercare_bench" >&2

# --- the API -----------------------------------------------------------------------------------------------------------
say "building Release"
dotnet build src/Api/CustomerCare.Api.csproj -c Release -nologo -v quiet >&2
secret() { [ -s "$DIR/$1" ] || (umask 077; printf '%s' "$2" >"$DIR/$1"); cat "$DIR/$1"; }
ADMIN_EMAIL="bench-admin@customercare.example"
ADMIN_PASSWORD="$(secret admin.pw "Bench-$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')-7")"
export ConnectionStrings__CustomerCare="$CONN" ASPNETCORE_URLS="$BASE" ASPNETCORE_ENVIRONMENT=Production \
  CustomerCare__Database__MigrateOnStartup=true \
  CustomerCare__Auth__SigningKey="$(secret jwt.key "$(head -c 48 /dev/urandom | base64 -w0)")" \
  CustomerCare__Auth__AccessTokenLifetime=02:00:00 \
  CustomerCare__PersonalData__KeyDirectory="$DIR/keys" \
  CustomerCare__Bootstrap__AdminEmail="$ADMIN_EMAIL" CustomerCare__Bootstrap__AdminPassword="$ADMIN_PASSWORD" \
  CustomerCare__Limits__Partner__PermitLimit=100000000 CustomerCare__Limits__User__PermitLimit=100000000 \
  CustomerCare__Limits__Anonymous__PermitLimit=100000000 \
  Logging__LogLevel__Default=Warning \
  MALLOC_ARENA_MAX=2 # as the image runs it (src/Api/CustomerCare.Api.csproj)
API_PID=""
stop_api() { if [ -n "$API_PID" ] && kill -0 "$API_PID" 2>/dev/null; then kill "$API_PID"; wait "$API_PID" 2>/dev/null || true; fi; API_PID=""; }
trap stop_api EXIT
start_api() {
  # From its output folder, as a deployment runs it: the shipped appsettings.json (log format and levels, defaults) applies.
  (cd src/Api/bin/Release/net10.0 && exec dotnet CustomerCare.Api.dll) >"$DIR/api.log" 2>&1 &
  API_PID=$!
  for _ in $(seq 1 900); do # the first start on a large data set may apply migrations for minutes
    curl -fsS "$BASE/health/ready" >/dev/null 2>&1 && return 0
    kill -0 "$API_PID" 2>/dev/null || { tail -n 20 "$DIR/api.log" >&2; say "the API did not start"; exit 1; }
    sleep 1
  done
  say "the API did not become ready"; exit 1
}
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print(d$1)"; }
api() { # method path [body]: JSON call as the bench administrator
  curl -fsS -X "$1" "$BASE$2" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' ${3:+-d "$3"}
}
start_api
TOKEN="$(curl -fsS -X POST "$BASE/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$ADMIN_EMAIL\",\"password\":\"$ADMIN_PASSWORD\"}" | json '["accessToken"]')"

# --- data: created through the API once, then seeded set-based --------------------------------------------------------
if [ ! -s "$DIR/partner.key" ] || [ -z "$(sql -c "SELECT 1 FROM partners WHERE name = 'Bench partner'")" ]; then
  say "creating the bench partner, handlers and template customer through the API"
  PARTNER="$(api POST /api/v1/partners '{"name":"Bench partner"}' | json '["id"]')"
  api POST "/api/v1/partners/$PARTNER/keys" '{"name":"bench"}' | json '["key"]' >"$DIR/partner.key"
  for code in CS CS TS AS QA; do
    department="$(sql -c "SELECT id FROM departments WHERE code = '$code'")"
    api POST /api/v1/staff "{\"name\":\"Bench handler $RANDOM\",\"email\":\"handler-$RANDOM$RANDOM@customercare.example\",\"departmentId\":\"$department\",\"roles\":[\"agent\"],\"password\":\"Handler-Passw0rd-$RANDOM\"}" >/dev/null
  done
  api POST /api/v1/customers '{"name":"Bench Template Customer","segment":"standard","contactPoints":[{"kind":"phone","value":"+86 139 0000 0000","isPrimary":true}]}' \
    | json '["id"]' >"$DIR/template.id"
fi
PARTNER="$(sql -c "SELECT id FROM partners WHERE name = 'Bench partner'")"
PARTNER_KEY="$(cat "$DIR/partner.key")"
seeded() { [ "$(sql -c "SELECT to_regclass('bench_meta') IS NOT NULL")" = "t" ] \
  && [ "$(sql -c "SELECT count(*) FROM bench_meta WHERE complaints = $COMPLAINTS AND customers = $CUSTOMERS AND to_jsonb(bench_meta) ->> 'seed' = '$SEED'")" = "1" ]; }
if ! seeded; then
  [ "$(sql -c "SELECT count(*) FROM complaints")" = "0" ] || { say "customercare_bench holds another data set: drop it and its template (DROP DATABASE customercare_bench; DROP DATABASE customercare_bench_seed) to seed $COMPLAINTS"; exit 1; }
  say "seeding $COMPLAINTS complaints and $CUSTOMERS customers (once; reused by later runs)"
  start=$(date +%s)
  sql -v complaints="$COMPLAINTS" -v customers="$CUSTOMERS" -v template="$(cat "$DIR/template.id")" -v partner="$PARTNER" \
    -v places="$PLACES" "${ZH[@]}" -v seed="$SEED" -f "$SCRIPTS/seed.sql" >&2
  sql -c "VACUUM ANALYZE" >&2
  say "seeded in $(( $(date +%s) - start )) s"
fi
if ! exists customercare_bench_seed; then
  say "keeping the seeded database as the template of later runs (customercare_bench_seed)"
  stop_api # a template has no other session
  sql -d customercare -c "CREATE DATABASE customercare_bench_seed TEMPLATE customercare_bench STRATEGY FILE_COPY" >&2
  start_api
fi
# --- caught up: what fell due while the template waited ----------------------------------------------------------------
# The seeded clocks keep falling due (300-500 an hour) while the template waits between runs, and a live API's SLA scanner
# notes each at-risk window and breach as it comes. A copy brings all of them at once: 5,000 after 8 hours, at 200 a pass
# every 30 s, so the scanner was still catching up through most of a run, a second of work a pass on two cores, and a run
# measured more of it the older the template was (side imports: 674 against 524-589 µs of the API's CPU per row). The
# API first runs with a pass a second until nothing is left due, then restarts as configured: every run measures the
# same caught-up system, where only what falls due during the run is scanned.
DUE="SELECT count(*) FROM complaint_sla_clocks k JOIN complaints c ON c.id = k.complaint_id
     WHERE k.met_at IS NULL AND k.paused_at IS NULL AND k.breached_at IS NULL AND c.status <> 'Closed'
       AND (k.due_at <= now() OR (k.at_risk_notified_at IS NULL AND k.at_risk_from <= now()))"
backlog="$(sql -c "$DUE")"
if [ "$backlog" != "0" ]; then
  say "catching up on $backlog clocks that fell due since the template was seeded"
  start=$(date +%s)
  stop_api
  CustomerCare__Sla__ScanInterval=00:00:01 start_api
  left="$backlog"
  for _ in $(seq 1 900); do left="$(sql -c "$DUE")"; [ "$left" = "0" ] && break; sleep 1; done
  stop_api
  start_api
  if [ "$left" = "0" ]; then say "caught up in $(( $(date +%s) - start )) s"; else say "$left clocks still due after $(( $(date +%s) - start )) s"; fi
fi
say "adding $POOL received complaints for the register scenario"
POOL_FROM="$(sql -c "SELECT pool_next FROM bench_meta")"
sql -v count="$POOL" "${ZH[@]}" -f "$SCRIPTS/pool.sql" >&2
# Fresh statistics and visibility maps (index-only scans), and no autovacuum of earlier runs' changes mid-measurement.
for table in complaints complaint_search_postings complaint_sla_clocks complaint_timeline outbox_messages idempotency_keys customers \
  customer_contact_points; do
  sql -c "VACUUM (ANALYZE) $table" >&2
done
# What the run measures: the seeded complaints and this run's register pool (the report says how many).
HELD="$(sql -c "SELECT count(*) FROM complaints")"
HALF=$(( POOL / 2 ))
sql -c "SELECT c.id || ' ' || c.xmin FROM generate_series($POOL_FROM, $POOL_FROM + $HALF - 1) n JOIN complaints c ON c.id = md5('pool-' || n)::uuid" >"$DIR/pool-all.txt"
head -n $(( HALF / 4 )) "$DIR/pool-all.txt" >"$DIR/pool-warmup.txt"   # the warm-up registers these,
tail -n +$(( HALF / 4 + 1 )) "$DIR/pool-all.txt" >"$DIR/pool.txt"    # the measurement the others
sql -c "SELECT md5('complaint-' || (1 + floor(random() * $COMPLAINTS))::int)::uuid FROM generate_series(1, 100000)" >"$DIR/ids.txt"
sql -c "SELECT id FROM departments WHERE is_active" >"$DIR/departments.txt"
QUARTER="$(sql -c "SELECT 'from=' || to_char(date_trunc('quarter', now()) - interval '3 months', 'YYYY-MM-DD') || '&to=' || to_char(date_trunc('quarter', now()) - interval '1 day', 'YYYY-MM-DD')")"
STAFF="$(sql -c "SELECT id || ' ' || security_stamp FROM staff WHERE email = '$ADMIN_EMAIL'")"
# The notification switches as they stand (shipped ones on a fresh database): create is measured with them, and without.
NOTIFICATIONS="$(api GET /api/v1/settings/notifications | python3 -c 'import json,sys; print(json.dumps(json.load(sys.stdin)["value"], ensure_ascii=False))')"
SILENT="$(printf '%s' "$NOTIFICATIONS" | python3 -c 'import json,sys; v=json.load(sys.stdin); v["rules"]=[]; print(json.dumps(v, ensure_ascii=False))')"

# --- measure -----------------------------------------------------------------------------------------------------------
export BENCH_DIR="$SCRIPTS" BENCH_PARTNER_KEY="$PARTNER_KEY" BENCH_RUN="$(date +%s)" BENCH_IDS="$DIR/ids.txt" BENCH_TOKEN="$TOKEN" \
  BENCH_DEPARTMENTS="$DIR/departments.txt" BENCH_COMPLAINTS="$COMPLAINTS" BENCH_POOL="$DIR/pool.txt" BENCH_THREADS="$THREADS" BENCH_QUARTER="$QUARTER"
RESULTS="$DIR/run.jsonl"
: >"$RESULTS"
cpu_ms() { # the CPU time the API process and PostgreSQL's processes have used so far, in ms: "api db"
  python3 - "$API_PID" <<'PY'
import os, sys
tick = 1000 / os.sysconf("SC_CLK_TCK")
def used(pid):
    stat = open(f"/proc/{pid}/stat").read()
    fields = stat[stat.rindex(")") + 2:].split()
    return (int(fields[11]) + int(fields[12])) * tick
db = 0
for pid in filter(str.isdigit, os.listdir("/proc")):
    try:
        if open(f"/proc/{pid}/comm").read().strip() == "postgres":
            db += used(pid)
    except OSError:
        pass
print(round(used(sys.argv[1])), round(db))
PY
}
run_wrk() { # scenario script duration
  local out api0 db0 api1 db1
  read -r api0 db0 <<<"$(cpu_ms)"
  out="$(BENCH_WINDOW="$(date +%s%3N)" wrk -t"$THREADS" -c"$CONNECTIONS" -d"${3:-$DURATION}" --timeout 10s --latency -s "$SCRIPTS/$2.lua" "$BASE" 2>&1)" || { printf '%s\n' "$out" >&2; return 1; }
  read -r api1 db1 <<<"$(cpu_ms)"
  printf '%s\n' "$out" | grep '^status ' | sed "s/^/bench: $1: /" >&2 || true
  # With the CPU the window cost the API and PostgreSQL: per request, steadier than a rate on a shared machine.
  # (A PostgreSQL process that ends within the window takes its time with it: never below zero.)
  printf '{"scenario":"%s","kind":"api","apiCpuMs":%s,"dbCpuMs":%s,%s\n' "$1" "$(( api1 - api0 ))" "$(( db1 > db0 ? db1 - db0 : 0 ))" \
    "$(printf '%s\n' "$out" | sed -n 's/^BENCH_JSON {//p')" >>"$RESULTS"
}
run_pgbench() { # scenario script [-D var=value ...]
  local name="$1" script="$2"; shift 2
  rm -f "$DIR"/pgbench_log.*
  (cd "$DIR" && "$PGBIN/pgbench" -n -c "$CONNECTIONS" -j "$THREADS" -T "${DURATION%s}" -l --log-prefix=pgbench_log -f "$SCRIPTS/$script" "$@" >"$DIR/pgbench.out" 2>&1) \
    || { cat "$DIR/pgbench.out" >&2; return 1; }
  python3 - "$name" "$DIR" >>"$RESULTS" <<'PY'
import glob, json, re, sys
name, folder = sys.argv[1], sys.argv[2]
latencies = sorted(int(line.split()[2]) for f in glob.glob(folder + "/pgbench_log.*") for line in open(f))
out = open(folder + "/pgbench.out").read()
tps = float(re.search(r"tps = ([0-9.]+)", out).group(1))
failed = int(re.search(r"number of failed transactions: (\d+)", out).group(1)) if "failed transactions" in out else 0
pct = lambda p: latencies[min(len(latencies) - 1, int(p / 100 * len(latencies)))] / 1000 if latencies else 0
print(json.dumps({"scenario": name, "kind": "pgbench", "requests": len(latencies), "rps": tps, "p50Ms": pct(50), "p90Ms": pct(90),
                  "p99Ms": pct(99), "maxMs": (latencies[-1] / 1000 if latencies else 0), "non2xx": failed, "socketErrors": 0}))
PY
}

# Tiered JIT reaches its optimised code after some seconds of load: warm every path first, then measure.
say "warming up"
for scenario in get create list search search-phrase search-words register report; do
  BENCH_POOL="$DIR/pool-warmup.txt" run_wrk "warmup-$scenario" "$scenario" "${BENCH_WARMUP:-8s}"
done
: >"$RESULTS"
for scenario in create get list search search-phrase search-words register report health; do
  if [ "$scenario" = create ]; then
    # With the notifications as they stand and with every one switched off (what planning them costs a create),
    # alternated so that the database's drift (checkpoints, growing tables) weighs on both alike; five windows each,
    # whose medians are compared (one window disturbed by the shared machine decides nothing; with three a side, two
    # windows reading 15-20 % apart, as windows of one setting do here, swung the verdict across the 10 % line).
    for switch in on off off on on off off on on off; do
      say "measuring create, notifications $switch (API)"
      if [ "$switch" = on ]; then
        api PUT /api/v1/settings/notifications "$NOTIFICATIONS" >/dev/null
        run_wrk create create
      else
        api PUT /api/v1/settings/notifications "$SILENT" >/dev/null
        run_wrk create-silent create
      fi
    done
    continue
  fi
  if [ "$scenario" = report ]; then
    # Like report-replica below: measured right after its own warm-up. A computed report is kept for
    # CustomerCare:Reports:CacheFor (ADR 0018); the first one after the earlier scenarios (~1 s, its 32 requests wait
    # for it) belongs to the warm-up, where wrk's correction for stalled connections would count it hundreds of times.
    RESULTS="$DIR/warmup.jsonl" run_wrk warmup-report report "${BENCH_WARMUP:-8s}"
  fi
  say "measuring $scenario (API)"
  run_wrk "$scenario" "$scenario"
done
PEAK_KB="$(sed -n 's/^VmHWM:\s*\([0-9]*\) kB/\1/p' "/proc/$API_PID/status")"
RSS_KB="$(sed -n 's/^VmRSS:\s*\([0-9]*\) kB/\1/p' "/proc/$API_PID/status")"
stop_api
read -r STAFF_ID STAMP <<<"$STAFF"
PREFIX="$(printf '%s' "$PARTNER_KEY" | cut -d_ -f2)"
say "measuring create (pgbench)"
run_pgbench create pg_create.sql -D partner="$PARTNER" -D prefix="$PREFIX" -D zh_titles="$ZH_TITLES" -D zh_descriptions="$ZH_DESCRIPTIONS"
say "measuring get (pgbench)"
run_pgbench get pg_get.sql -D complaints="$COMPLAINTS" -D staff="$STAFF_ID" -D stamp="$STAMP"
say "measuring list (pgbench)"
# Prepared and planned once per connection, as the API runs the first page of a queue (QueryTags.PlanOnce).
PGOPTIONS="-c plan_cache_mode=force_generic_plan" run_pgbench list pg_list.sql -M prepared -D departments="$(wc -l <"$DIR/departments.txt")"
say "measuring search (pgbench)"
# Prepared and planned for each execution's values, as the API runs a search (QueryTags.PlanEachTime).
PGOPTIONS="-c plan_cache_mode=force_custom_plan" run_pgbench search pg_search.sql -M prepared -D complaints="$COMPLAINTS"
say "measuring search-phrase (pgbench)"
items() { printf '%s' "$1" | awk -F'|' '{ print NF }'; } # of a line of |-separated texts
WORDS="$(line search-zh.txt 1)" PHRASES="$(line search-zh.txt 2)"
PGOPTIONS="-c plan_cache_mode=force_custom_plan" run_pgbench search-phrase pg_search_phrase.sql -M prepared \
  -D words="$WORDS" -D nwords="$(items "$WORDS")" -D phrases="$PHRASES" -D nphrases="$(items "$PHRASES")"
say "measuring search-words (pgbench)"
PGOPTIONS="-c plan_cache_mode=force_custom_plan" run_pgbench search-words pg_search_words.sql -M prepared \
  -D places="$PLACES" -D nplaces="$(python3 -c 'import sys; print(len(sys.argv[1]))' "$PLACES")"
say "measuring register (pgbench)"
run_pgbench register pg_register.sql -D pool_from="$(( POOL_FROM + HALF ))" -D pool_to="$(( POOL_FROM + POOL - 1 ))" -D staff="$STAFF_ID" -D stamp="$STAMP"

# --- what the metrics cost a create: fresh APIs with them and without, alternated, three of each (medians compared) -----
for switch in on off off on on off; do
  say "measuring create, metrics $switch (a fresh API)"
  CustomerCare__Metrics__Enabled="$([ "$switch" = on ] && echo true || echo false)" start_api
  # A fresh process still compiles its hot paths well past 8 s (its warm-up windows ran at half the rate, p90 ~2 s), and
  # that compilation would be charged to whichever window it falls in: each fresh API is warmed up for longer.
  RESULTS="$DIR/warmup.jsonl" run_wrk "warmup-create-metrics-$switch" create "${BENCH_FRESH_WARMUP:-20s}"
  run_wrk "create-metrics-$switch" create
  stop_api
done

# --- uploads: memory stays flat while files stream through (a fresh API, files into a scratch directory) ----------------
say "measuring uploads (50 files of 20 MB)"
rm -rf "$DIR/attachments"
CustomerCare__Attachments__Directory="$DIR/attachments" start_api
"$SCRIPTS/uploads.sh" "$BASE" "$API_PID" "$PARTNER_KEY" "$DIR/uploads" "${BENCH_UPLOAD_FILES:-50}" "${BENCH_UPLOAD_MB:-20}" >>"$RESULTS"
stop_api
rm -rf "$DIR/attachments"

# --- import: a partner's file of new complaints as a background job ------------------------------------------------------
say "measuring import (${BENCH_IMPORT_ROWS:-10000} rows, after imports of ${BENCH_IMPORT_WARMUP_ROWS:-5000} have warmed the path for ${BENCH_FRESH_WARMUP:-20s})"
start_api
# Warmed like every other fresh API (BENCH_FRESH_WARMUP, 20 s): on a fresh API the tiered compiler still recompiles the
# import's hot methods well into the first files (~9,000 of them after its first 2,000 rows; a quarter of the API's CPU
# samples in a cold import), and an import's per-batch code is called once in 500 rows: the API's CPU a row fell
# from ~950 to ~460 and ~375 µs over three files of 10,000 on one fresh API (docs/performance.md). The first import is
# reported as import-first and the others as import-warmup, not judged; the pause lets the compiler finish its queue.
machine_ticks() { awk '/^cpu /{ print $5 + $6, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9 }' /proc/stat; } # "idle all", both cores
run_import() { # rows kind: with the CPU the API and PostgreSQL spent a row and how idle the machine was (not judged)
  local api0 db0 api1 db1 idle0 idle1 line
  read -r api0 db0 <<<"$(cpu_ms)"
  idle0="$(machine_ticks)"
  line="$("$SCRIPTS/import.sh" "$BASE" "$PARTNER_KEY" "$DIR/import" "$1" "$2")"
  read -r api1 db1 <<<"$(cpu_ms)"
  idle1="$(machine_ticks)"
  printf '%s\n' "$line" | python3 -c 'import json, sys
row = json.loads(sys.stdin.read()); api, db = int(sys.argv[1]), int(sys.argv[2]); i0, t0, i1, t1 = map(int, sys.argv[3:7])
row.update(apiCpuMs=api, dbCpuMs=db, idlePercent=round(100 * (i1 - i0) / max(1, t1 - t0)))
print(json.dumps(row))' "$(( api1 - api0 ))" "$(( db1 > db0 ? db1 - db0 : 0 ))" $idle0 $idle1 >>"$RESULTS"
}
WARM_FOR="${BENCH_FRESH_WARMUP:-20s}"
WARM_UNTIL="$(( $(date +%s) + ${WARM_FOR%s} ))"
run_import "${BENCH_IMPORT_WARMUP_ROWS:-5000}" import-first
while [ "$(date +%s)" -lt "$WARM_UNTIL" ]; do
  run_import "${BENCH_IMPORT_WARMUP_ROWS:-5000}" import-warmup
done
sleep 2
run_import "${BENCH_IMPORT_ROWS:-10000}" import
stop_api

# --- reports on a streaming replica: the same report scenario, answered by the hot standby ------------------------------
say "measuring report on the read replica (scripts/db.sh replica)"
replica() { (unset ConnectionStrings__CustomerCare; scripts/db.sh replica "$@"); } # the API's variable names the bench database
replica start >&2
REPLICA_CONN="$(replica conn customercare_bench)"
WRITTEN="$(sql -c "SELECT pg_current_wal_lsn()")"
REPLICA_PORT="$(printf '%s' "$REPLICA_CONN" | tr ';' '\n' | sed -n 's/^Port=//p')"
for _ in $(seq 1 600); do # the replica has replayed the whole data set before it is measured
  [ "$(PGPORT="$REPLICA_PORT" sql -c "SELECT pg_last_wal_replay_lsn() >= '$WRITTEN'::pg_lsn")" = t ] && break
  sleep 1
done
ConnectionStrings__CustomerCareReports="$REPLICA_CONN" start_api
RESULTS="$DIR/warmup.jsonl" run_wrk warmup-report-replica report "${BENCH_WARMUP:-8s}"
run_wrk report-replica report
FELL_BACK="$(grep -c 'Reports fall back' "$DIR/api.log" || true)"
printf '{"scenario":"report-replica","kind":"replica","fellBack":%s}\n' "${FELL_BACK:-0}" >>"$RESULTS"
stop_api
replica stop >&2

# --- report ------------------------------------------------------------------------------------------------------------
STAMP_NOW="$(date -u +%Y%m%dT%H%M%SZ)"
python3 "$SCRIPTS/summarise.py" "$RESULTS" "$DIR/results-$STAMP_NOW.json" "$ROOT/docs/benchmarks.md" \
  "$COMPLAINTS" "$CUSTOMERS" "$DURATION" "$CONNECTIONS" "$THREADS" "$PEAK_KB" "$RSS_KB" "$("$PGBIN/postgres" --version)" "$(dotnet --version)" "$HELD"
