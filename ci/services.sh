#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL and Redis on loopback, then stops them.
#   ci/services.sh <command> [args...]
# Exports DATABASE_URL and REDIS_URL for the command. Missing binaries: with REQUIRE_SERVICES=1 the
# run fails; otherwise it is skipped with a message. Servers are stopped by PID and their
# directories removed on any exit; the command's exit status is returned.
set -euo pipefail

find_pg_bin() {
  if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then
    pg_config --bindir
    return
  fi
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/initdb" ] && { echo "$dir"; return; }
  done
  command -v initdb >/dev/null 2>&1 && dirname "$(command -v initdb)"
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

PG_BIN=$(find_pg_bin || true)
export PG_BIN

# Services provided from outside (CI service containers): use them as they are.
if [ -n "${SERVICES_DATABASE_URL:-}" ] && [ -n "${SERVICES_REDIS_URL:-}" ]; then
  export DATABASE_URL="$SERVICES_DATABASE_URL" REDIS_URL="$SERVICES_REDIS_URL"
  echo "services: using SERVICES_DATABASE_URL and SERVICES_REDIS_URL"
  exec "$@"
fi

REDIS_BIN=$(command -v redis-server || true)
if [ -z "$PG_BIN" ] || [ -z "$REDIS_BIN" ]; then
  missing=""
  [ -z "$PG_BIN" ] && missing="PostgreSQL"
  [ -z "$REDIS_BIN" ] && missing="$missing Redis"
  if [ "${REQUIRE_SERVICES:-0}" = "1" ]; then
    echo "services: $missing not installed and REQUIRE_SERVICES=1" >&2
    exit 1
  fi
  echo "services unavailable ($missing): skipping the PostgreSQL/Redis run"
  exit 0
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/trellis-services.XXXXXX")
PG_PORT=$(free_port)
REDIS_PORT=$(free_port)
PG_STARTED=0
REDIS_PID=""
as_pg() {
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

cleanup() {
  local status=$?
  if [ "$PG_STARTED" = "1" ]; then
    as_pg "$PG_BIN/pg_ctl" -D "$WORK/pg" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  if [ -n "$REDIS_PID" ]; then
    kill "$REDIS_PID" 2>/dev/null || true
    while kill -0 "$REDIS_PID" 2>/dev/null; do sleep 0.05; done
  fi
  rm -rf "$WORK"
  exit "$status"
}
trap cleanup EXIT INT TERM

if [ "$(id -u)" = "0" ]; then chown postgres "$WORK"; fi
as_pg "$PG_BIN/initdb" -D "$WORK/pg" -U postgres -A trust --no-sync >/dev/null
as_pg "$PG_BIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pg.log" -w -t 30 start -o \
  "-p $PG_PORT -k $WORK -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
  >/dev/null
PG_STARTED=1
psql_admin() { "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres "$@"; }
psql_admin -d postgres -c "CREATE ROLE trellis LOGIN PASSWORD 'trellis' CREATEDB"
psql_admin -d postgres -c "CREATE DATABASE trellis OWNER trellis"
psql_admin -d trellis -c "CREATE EXTENSION IF NOT EXISTS btree_gist; CREATE EXTENSION IF NOT EXISTS pg_trgm"

"$REDIS_BIN" --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
  --pidfile "$WORK/redis.pid" --dir "$WORK" --logfile "$WORK/redis.log"
for _ in $(seq 1 200); do
  [ -s "$WORK/redis.pid" ] && break
  sleep 0.02
done
REDIS_PID=$(cat "$WORK/redis.pid")
for _ in $(seq 1 200); do
  redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break
  sleep 0.02
done

export DATABASE_URL="postgresql+psycopg://trellis:trellis@127.0.0.1:$PG_PORT/trellis"
export REDIS_URL="redis://127.0.0.1:$REDIS_PORT/0"
export PG_BIN
echo "services: PostgreSQL on 127.0.0.1:$PG_PORT, Redis on 127.0.0.1:$REDIS_PORT"
set +e
"$@"
status=$?
set -e
exit "$status"
