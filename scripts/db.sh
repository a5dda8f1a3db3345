#!/usr/bin/env bash
# A private PostgreSQL cluster for this checkout: data under .data/, listening on 127.0.0.1 only.
#
#   scripts/db.sh start        start it (initialise on first use); fine to call when already running
#   scripts/db.sh stop         stop it; the data stays
#   scripts/db.sh crash        stop it the hard way (immediate shutdown, as a power cut): tests of recovery use it
#   scripts/db.sh status       say whether it runs
#   scripts/db.sh psql [ARGS]  open psql on the customercare database as the customercare role
#   scripts/db.sh conn [DB]    print the Npgsql connection string (database customercare, or DB)
#   scripts/db.sh replica start|stop|status|pause|resume|conn [DB]
#                              a hot standby of this cluster (pg_basebackup, streaming replication) on the next port,
#                              data in .data/pg-replica (taken afresh at every start): what ConnectionStrings__CustomerCareReports points reports at;
#                              pause/resume hold and release its WAL replay (a lagging replica, for tests)
#
# When ConnectionStrings__CustomerCare is set, that database is used instead and nothing is started.
# Environment: CUSTOMERCARE_DB_PORT (default 55432), CUSTOMERCARE_DB_REPLICA_PORT (default: the cluster's port + 1); CUSTOMERCARE_DB_DIR, the data directory (default .data of the
# checkout; a directory that does not exist yet is created): a second cluster, such as the fault tests' own.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATA_LINK="${CUSTOMERCARE_DB_DIR:-$ROOT/.data}"
PORT="${CUSTOMERCARE_DB_PORT:-55432}"
HOST="127.0.0.1"
APP_ROLE="customercare"
DATABASES=(customercare customercare_test)

say() { printf 'db: %s\n' "$*" >&2; }
die() { printf 'db: %s\n' "$*" >&2; exit 1; }

external_configured() { [ -n "${ConnectionStrings__CustomerCare:-}" ]; }

find_bindir() {
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  [ -n "$dir" ] && [ -x "$dir/pg_ctl" ] && printf '%s\n' "$dir"
}

ensure_binaries() {
  BIN="$(find_bindir || true)"
  if [ -n "$BIN" ]; then return; fi
  if [ "$(id -u)" -ne 0 ]; then
    die "no PostgreSQL server binaries under /usr/lib/postgresql/*/bin. Install them (as root: apt-get install -y postgresql), or set ConnectionStrings__CustomerCare to a database of your own."
  fi
  say "installing PostgreSQL from Debian (apt-get install postgresql)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  # The package's own cluster is not used: a policy-rc.d that refuses keeps the package from starting services
  # (on machines without an init system a start attempt would fail the install).
  local policy=/usr/sbin/policy-rc.d made_policy=0
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod +x "$policy" && made_policy=1
  fi
  apt-get install -y -qq --no-install-recommends postgresql >&2 || { [ "$made_policy" = 1 ] && rm -f "$policy"; die "apt-get install postgresql failed"; }
  if [ "$made_policy" = 1 ]; then rm -f "$policy"; fi
  BIN="$(find_bindir || true)"
  [ -n "$BIN" ] || die "apt-get installed postgresql but no server binaries were found under /usr/lib/postgresql"
}

# PostgreSQL refuses to run as root: as root, the server runs as the postgres system user.
as_server_user() {
  if [ "$(id -u)" -eq 0 ]; then
    (cd / && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

ensure_server_user() {
  [ "$(id -u)" -eq 0 ] || return 0
  if ! id postgres >/dev/null 2>&1; then
    say "creating the postgres system user"
    useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
  fi
}

# Where the data lives. Normally .data/ in the checkout. When the server user cannot reach the checkout
# (a root-owned home directory, say), .data becomes a link to a directory of its own under /var/lib.
prepare_data_dir() {
  if [ -e "$DATA_LINK" ] || [ -L "$DATA_LINK" ]; then
    DATA="$(readlink -f "$DATA_LINK")"
  else
    mkdir -p "$DATA_LINK"
    DATA="$DATA_LINK"
    if [ "$(id -u)" -eq 0 ]; then
      chown postgres:postgres "$DATA"
      chmod 700 "$DATA"
      if ! runuser -u postgres -- test -w "$DATA"; then
        rmdir "$DATA"
        local alt="/var/lib/customercare/$(printf '%s' "$DATA_LINK" | sha256sum | cut -c1-16)"
        mkdir -p "$alt"
        chown postgres:postgres "$alt" /var/lib/customercare
        chmod 700 "$alt"
        ln -s "$alt" "$DATA_LINK"
        DATA="$alt"
        say "the postgres user cannot reach $ROOT; data lives in $alt (linked from .data)"
      fi
    fi
  fi
  PGDATA="$DATA/pg"
  LOG="$DATA/server.log"
  SUPERUSER_PW="$DATA/superuser.pw"
  APP_PW="$DATA/app.pw"
}

# A cluster listens where it was created: its port is kept in its postgresql.conf, and later calls (status, conn, a
# start without CUSTOMERCARE_DB_PORT) read it from there. A different CUSTOMERCARE_DB_PORT on start moves a stopped
# cluster to that port.
remember_port() {
  local conf="$PGDATA/postgresql.conf" stored
  [ -f "$conf" ] || return 0
  stored="$(sed -n 's/^port = \([0-9][0-9]*\).*/\1/p' "$conf" | tail -n 1)"
  [ -n "$stored" ] || return 0
  if [ -n "${CUSTOMERCARE_DB_PORT:-}" ] && [ "$CUSTOMERCARE_DB_PORT" != "$stored" ]; then
    if [ "${1:-}" = start ] && ! is_running; then
      as_server_user sh -c "printf 'port = %s\n' '$CUSTOMERCARE_DB_PORT' >>'$conf'"
      say "moving the cluster from port $stored to $CUSTOMERCARE_DB_PORT"
      PORT="$CUSTOMERCARE_DB_PORT"
      return 0
    fi
    say "this cluster listens on port $stored (CUSTOMERCARE_DB_PORT=$CUSTOMERCARE_DB_PORT takes effect when it is started while stopped)"
  fi
  PORT="$stored"
}

new_password() { head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 24; }

init_cluster() {
  [ -f "$PGDATA/PG_VERSION" ] && return 0
  say "initialising a new cluster in $PGDATA"
  umask 077
  [ -f "$SUPERUSER_PW" ] || new_password >"$SUPERUSER_PW"
  [ -f "$APP_PW" ] || new_password >"$APP_PW"
  if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$SUPERUSER_PW" "$APP_PW"; fi
  as_server_user "$BIN/initdb" -D "$PGDATA" -U postgres --pwfile="$SUPERUSER_PW" \
    --auth-local=scram-sha-256 --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  cat >>"$PGDATA/postgresql.conf" <<EOF

# customercare: a private cluster of this checkout
listen_addresses = '$HOST'
port = $PORT
unix_socket_directories = ''
max_connections = 200
shared_buffers = 256MB
fsync = on
log_min_duration_statement = -1
EOF
}

pid_alive() {
  local pidfile="$PGDATA/postmaster.pid" pid
  [ -f "$pidfile" ] || return 1
  pid="$(head -n 1 "$pidfile")"
  [ -n "$pid" ] && [ -d "/proc/$pid" ] && grep -q 'postgres' "/proc/$pid/comm" 2>/dev/null || return 1
  # A killed server nobody reaped (no init in a container) lingers as a zombie: it is gone all the same.
  [ "$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null)" != "Z" ]
}

is_running() {
  pid_alive && as_server_user "$BIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1
}

superuser_sql() {
  PGPASSWORD="$(cat "$SUPERUSER_PW")" "$BIN/psql" -h "$HOST" -p "$PORT" -U postgres -d postgres \
    -v ON_ERROR_STOP=1 -qtA "$@"
}

ensure_role_and_databases() {
  local pw exists db
  pw="$(cat "$APP_PW")"
  exists="$(superuser_sql -c "SELECT 1 FROM pg_roles WHERE rolname = '$APP_ROLE'")"
  if [ "$exists" != "1" ]; then
    superuser_sql -c "CREATE ROLE $APP_ROLE LOGIN CREATEDB PASSWORD '$pw'"
  fi
  for db in "${DATABASES[@]}"; do
    exists="$(superuser_sql -c "SELECT 1 FROM pg_database WHERE datname = '$db'")"
    if [ "$exists" != "1" ]; then
      superuser_sql -c "CREATE DATABASE $db OWNER $APP_ROLE"
    fi
  done
}

start() {
  if external_configured; then
    say "ConnectionStrings__CustomerCare is set: using that database, starting nothing"
    return 0
  fi
  ensure_binaries
  ensure_server_user
  prepare_data_dir
  init_cluster
  remember_port start
  if is_running; then
    say "already running on $HOST:$PORT"
  else
    if [ -f "$PGDATA/postmaster.pid" ]; then
      say "removing a stale postmaster.pid left by a server that is gone"
      rm -f "$PGDATA/postmaster.pid"
    fi
    if [ "$(id -u)" -eq 0 ]; then touch "$LOG" && chown postgres:postgres "$LOG"; fi
    as_server_user "$BIN/pg_ctl" -D "$PGDATA" -l "$LOG" -w -t 60 start >/dev/null \
      || { tail -n 20 "$LOG" >&2 || true; die "the server did not start (log: $LOG)"; }
    say "started on $HOST:$PORT (data: $PGDATA)"
  fi
  ensure_role_and_databases
}

stop() {
  if external_configured; then say "ConnectionStrings__CustomerCare is set: nothing of ours to stop"; return 0; fi
  BIN="$(find_bindir || true)"
  [ -n "$BIN" ] || { say "not installed, nothing to stop"; return 0; }
  [ -e "$DATA_LINK" ] || { say "no cluster in this checkout"; return 0; }
  prepare_data_dir
  remember_port
  replica_paths
  if replica_running; then
    as_server_user "$BIN/pg_ctl" -D "$REPLICA" -m fast -w stop >/dev/null
    say "replica stopped"
  fi
  if is_running; then
    as_server_user "$BIN/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null
    say "stopped"
  else
    say "not running"
  fi
}

crash() {
  if external_configured; then die "ConnectionStrings__CustomerCare is set: nothing of ours to crash"; fi
  ensure_binaries
  prepare_data_dir
  remember_port
  if is_running; then
    as_server_user "$BIN/pg_ctl" -D "$PGDATA" -m immediate -w stop >/dev/null
    say "stopped immediately (crash recovery runs at the next start)"
  else
    say "not running"
  fi
}

status() {
  if external_configured; then say "using ConnectionStrings__CustomerCare"; return 0; fi
  BIN="$(find_bindir || true)"
  if [ -n "$BIN" ] && [ -e "$DATA_LINK" ]; then
    prepare_data_dir
    remember_port
    if is_running; then say "running on $HOST:$PORT (data: $PGDATA)"; return 0; fi
  fi
  say "not running"
  return 3
}

conn() {
  local db="${1:-customercare}"
  if external_configured; then
    printf '%s\n' "$ConnectionStrings__CustomerCare"
    return 0
  fi
  [ -e "$DATA_LINK" ] || die "no local cluster yet: run scripts/db.sh start"
  prepare_data_dir
  remember_port
  [ -f "$APP_PW" ] || die "no local cluster yet: run scripts/db.sh start"
  printf 'Host=%s;Port=%s;Database=%s;Username=%s;Password=%s\n' "$HOST" "$PORT" "$db" "$APP_ROLE" "$(cat "$APP_PW")"
}

psql_shell() {
  if external_configured; then die "ConnectionStrings__CustomerCare is set: connect to that database with your own client"; fi
  ensure_binaries
  prepare_data_dir
  remember_port
  is_running || die "not running: run scripts/db.sh start"
  PGPASSWORD="$(cat "$APP_PW")" exec "$BIN/psql" -h "$HOST" -p "$PORT" -U "$APP_ROLE" -d customercare "$@"
}

# --- the read replica: a hot standby of this cluster ---------------------------------------------------------------
# Like the cluster, the replica keeps its port in its postgresql.conf; CUSTOMERCARE_DB_REPLICA_PORT chooses another.
replica_paths() {
  REPLICA="$DATA/pg-replica"
  REPLICA_LOG="$DATA/replica.log"
  local stored=""
  [ -f "$REPLICA/postgresql.conf" ] && stored="$(sed -n 's/^port = \([0-9][0-9]*\).*/\1/p' "$REPLICA/postgresql.conf" | tail -n 1)"
  REPLICA_PORT="${CUSTOMERCARE_DB_REPLICA_PORT:-${stored:-$((PORT + 1))}}"
}

replica_running() {
  local pidfile="$REPLICA/postmaster.pid" pid
  [ -f "$pidfile" ] || return 1
  pid="$(head -n 1 "$pidfile")"
  [ -n "$pid" ] && [ -d "/proc/$pid" ] && [ "$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null)" != "Z" ] \
    && as_server_user "$BIN/pg_ctl" -D "$REPLICA" status >/dev/null 2>&1
}

replica_sql() {
  PGPASSWORD="$(cat "$SUPERUSER_PW")" "$BIN/psql" -h "$HOST" -p "$REPLICA_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtA "$@"
}

replica() {
  local sub="${1:-}"
  [ $# -gt 0 ] && shift
  if external_configured; then die "ConnectionStrings__CustomerCare is set: make a replica of that database with its own tools"; fi
  case "$sub" in
    start)
      start
      replica_paths
      if replica_running; then
        say "replica already running on $HOST:$REPLICA_PORT"
        return 0
      fi
      # A stopped replica is taken afresh: without a replication slot (which would keep WAL on the primary for a copy
      # that may never come back) the primary may have recycled the WAL it needs, and it would never catch up.
      rm -rf "$REPLICA"
      say "taking a base backup of $HOST:$PORT into $REPLICA"
      # -R writes standby.signal and primary_conninfo (with the password used here) into the copy.
      as_server_user env PGPASSWORD="$(cat "$SUPERUSER_PW")" "$BIN/pg_basebackup" -h "$HOST" -p "$PORT" -U postgres \
        -D "$REPLICA" -X stream -R -c fast >/dev/null
      as_server_user sh -c "printf '\n# customercare: the read replica\nport = %s\nhot_standby = on\n' '$REPLICA_PORT' >>'$REPLICA/postgresql.conf'"
      rm -f "$REPLICA/postmaster.pid"
      if [ "$(id -u)" -eq 0 ]; then touch "$REPLICA_LOG" && chown postgres:postgres "$REPLICA_LOG"; fi
      as_server_user "$BIN/pg_ctl" -D "$REPLICA" -l "$REPLICA_LOG" -w -t 60 start >/dev/null \
        || { tail -n 20 "$REPLICA_LOG" >&2 || true; die "the replica did not start (log: $REPLICA_LOG)"; }
      say "replica started on $HOST:$REPLICA_PORT, streaming from $HOST:$PORT"
      ;;
    stop|status|pause|resume|conn)
      BIN="$(find_bindir || true)"
      [ -n "$BIN" ] && [ -e "$DATA_LINK" ] || die "no local cluster yet: run scripts/db.sh start"
      prepare_data_dir
      remember_port
      replica_paths
      case "$sub" in
        stop) if replica_running; then as_server_user "$BIN/pg_ctl" -D "$REPLICA" -m fast -w stop >/dev/null; say "replica stopped"; else say "replica not running"; fi ;;
        status) if replica_running; then say "replica running on $HOST:$REPLICA_PORT"; else say "replica not running"; return 3; fi ;;
        pause) replica_sql -c "SELECT pg_wal_replay_pause()" >/dev/null; say "replica replay paused" ;;
        resume) replica_sql -c "SELECT pg_wal_replay_resume()" >/dev/null; say "replica replay resumed" ;;
        conn) printf 'Host=%s;Port=%s;Database=%s;Username=%s;Password=%s\n' "$HOST" "$REPLICA_PORT" "${1:-customercare}" "$APP_ROLE" "$(cat "$APP_PW")" ;;
      esac
      ;;
    *) die "replica: start, stop, status, pause, resume or conn [DB]" ;;
  esac
}

cmd="${1:-}"
[ $# -gt 0 ] && shift
case "$cmd" in
  start) start ;;
  stop) stop ;;
  crash) crash ;;
  status) status ;;
  psql) psql_shell "$@" ;;
  conn) conn "$@" ;;
  replica) replica "$@" ;;
  *) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
